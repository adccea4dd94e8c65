// A text input whose edit becomes one json edit on Enter or blur; until then it is "staged", so
// Save (click or Ctrl/Cmd+S) and the leave guard already count it.
import { useState } from 'react'

export interface CommitInputProps {
  label: string
  value: string
  placeholder?: string
  /** The typed text while it differs from `value` (null when it no longer does). */
  onStage: (text: string | null) => void
  /** Enter or blur: apply what is staged. */
  onCommit: () => void
}

export function CommitInput({ label, value, placeholder, onStage, onCommit }: CommitInputProps) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  // The json changed underneath (JSON view, disk, a save of this very edit): show the new value.
  if (value !== seen) {
    setSeen(value)
    setText(value)
  }
  return (
    <input
      className="input mono"
      aria-label={label}
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value)
        onStage(event.target.value === value ? null : event.target.value)
      }}
      onBlur={onCommit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onCommit()
        if (event.key === 'Escape') {
          setText(value)
          onStage(null)
        }
      }}
    />
  )
}
