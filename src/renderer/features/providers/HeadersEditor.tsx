// Custom HTTP headers for a secured remote Ollama: existing ones (masked) can be removed, new ones added.
import { useId, useState } from 'react'
import type { MaskedHeader } from '../../../shared/studio-config'

export interface HeadersEditorProps {
  existing: MaskedHeader[]
  added: Record<string, string>
  removed: string[]
  onAdd: (name: string, value: string) => void
  onToggleRemove: (name: string) => void
  onDropAdded: (name: string) => void
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/

export function HeadersEditor(props: HeadersEditorProps) {
  const { existing, added, removed, onAdd, onToggleRemove, onDropAdded } = props
  const [name, setName] = useState('')
  const [value, setValue] = useState('')
  const ids = { name: useId(), value: useId() }
  const nameInvalid = name !== '' && !HEADER_NAME.test(name)
  return (
    <fieldset className="headers-editor">
      <legend className="form-label">Custom headers</legend>
      {existing.length === 0 && Object.keys(added).length === 0 && (
        <p className="muted">None. Add e.g. Authorization: Bearer … for a secured remote host.</p>
      )}
      <ul className="headers-list">
        {existing.map((header) => {
          const gone = removed.includes(header.name)
          return (
            <li key={header.name} className={gone ? 'header-removed' : undefined}>
              <code>
                {header.name}: {header.value}
              </code>
              <button
                type="button"
                className="button button-small"
                aria-label={`${gone ? 'Keep' : 'Remove'} header ${header.name}`}
                onClick={() => onToggleRemove(header.name)}
              >
                {gone ? 'Keep' : 'Remove'}
              </button>
            </li>
          )
        })}
        {Object.keys(added).map((header) => (
          <li key={header}>
            <code>{header}: (new, unsaved)</code>
            <button
              type="button"
              className="button button-small"
              aria-label={`Drop new header ${header}`}
              onClick={() => onDropAdded(header)}
            >
              Drop
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <input
          id={ids.name}
          className="input mono"
          aria-label="Header name"
          aria-invalid={nameInvalid}
          placeholder="Authorization"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          id={ids.value}
          className="input mono"
          aria-label="Header value"
          type="password"
          autoComplete="off"
          placeholder="Bearer …"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="button"
          className="button button-small"
          disabled={name === '' || value === '' || nameInvalid}
          onClick={() => {
            onAdd(name.trim(), value)
            setName('')
            setValue('')
          }}
        >
          Add header
        </button>
      </div>
    </fieldset>
  )
}
