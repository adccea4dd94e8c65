// Adds one item to an ordered list: a labelled select of the items not in it yet, and an Add button.
import { useId, useState } from 'react'
import './controls.css'
import './panels.css'

export interface AddItemPickerProps {
  /** The select's accessible name, e.g. "Add provider". */
  label: string
  /** The items that can still be added; with none, nothing renders. */
  choices: readonly string[]
  disabled: boolean
  onAdd: (item: string) => void
  /** Wraps the controls in a div of this class (rendered only while there are choices). */
  className?: string
}

export function AddItemPicker({ label, choices, disabled, onAdd, className }: AddItemPickerProps) {
  // Renders nothing rather than being unmounted when no choice is left, so a pending choice keeps
  // living with the list it belongs to, as it did when each list held this state itself.
  const [adding, setAdding] = useState('')
  const selectId = useId()
  if (choices.length === 0) return null
  const controls = (
    <>
      <label htmlFor={selectId} className="form-label">
        {label}
      </label>
      <select
        id={selectId}
        className="select"
        value={adding}
        onChange={(event) => setAdding(event.target.value)}
      >
        <option value="">Choose…</option>
        {choices.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        disabled={adding === '' || disabled}
        onClick={() => {
          onAdd(adding)
          setAdding('')
        }}
      >
        Add
      </button>
    </>
  )
  return className === undefined ? controls : <div className={className}>{controls}</div>
}
