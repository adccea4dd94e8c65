// Add or edit one catalog entry (written to the json's cloud_run_friendly_models).
import { useId, useRef, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import type { CatalogTier } from '../../../shared/catalog'
import type { CatalogRow } from './catalog-table'
import type { SaveEntryInput } from './catalog-store'

type Field = 'id' | 'ollamaName' | 'type' | 'memory'

export interface EntryDialogProps {
  /** The row being edited; undefined adds a new entry. */
  row?: CatalogRow
  types: string[]
  existingIds: string[]
  error: string | null
  busy: boolean
  onSave: (input: SaveEntryInput) => void
  onCancel: () => void
}

export function EntryDialog({
  row,
  types,
  existingIds,
  error,
  busy,
  onSave,
  onCancel,
}: EntryDialogProps) {
  const [tier, setTier] = useState<CatalogTier>(row?.tier ?? 'good_fit')
  const [id, setId] = useState(row?.id ?? '')
  const [ollamaName, setOllamaName] = useState(row?.ollama_name ?? '')
  const [type, setType] = useState(row?.type ?? 'general')
  const [memory, setMemory] = useState(row ? String(row.est_memory_needed_gb) : '')
  const [notes, setNotes] = useState(row?.notes ?? '')
  const first = useRef<HTMLInputElement>(null)
  const typesId = useId()

  // A field's problem shows once it was left (blur) or Save was tried, not before anything is typed.
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const leave = (field: Field) => () => setTouched((t) => new Set(t).add(field))

  const memoryGb = Number(memory)
  const problemsByField: [Field, string | false][] = [
    ['id', id.trim() === '' && 'Enter an ID.'],
    [
      'id',
      id.trim() !== row?.id &&
        existingIds.includes(id.trim()) &&
        `${id.trim()} is already in the catalog.`,
    ],
    ['ollamaName', ollamaName.trim() === '' && 'Enter the Ollama name (e.g. qwen2.5:3b).'],
    ['ollamaName', /\s/.test(ollamaName.trim()) && 'An Ollama name has no spaces.'],
    ['type', type.trim() === '' && 'Enter a type.'],
    [
      'memory',
      (memory.trim() === '' || !Number.isFinite(memoryGb) || memoryGb < 0) &&
        'Enter the memory needed in GB (a number ≥ 0).',
    ],
  ]
  const problems = problemsByField.flatMap(([, p]) => (p ? [p] : []))
  const shown = problemsByField.flatMap(([field, p]) =>
    p && (submitted || touched.has(field)) ? [p] : [],
  )

  return (
    <Dialog
      title={row ? `Edit ${row.id}` : 'Add a model'}
      className="catalog-dialog"
      initialFocus={first}
      onCancel={onCancel}
    >
      {row?.origin === 'default' && (
        <p className="muted">
          A built-in entry: saving writes an override to llm_factory_config.json.
        </p>
      )}
      <form
        className="catalog-form"
        onSubmit={(event) => {
          event.preventDefault()
          setSubmitted(true)
          if (problems.length > 0) return
          onSave({
            tier,
            entry: {
              id: id.trim(),
              ollama_name: ollamaName.trim(),
              type: type.trim(),
              est_memory_needed_gb: memoryGb,
              ...(notes.trim() ? { notes: notes.trim() } : {}),
            },
            ...(row && row.id !== id.trim() ? { previousId: row.id } : {}),
          })
        }}
      >
        <label className="form-field">
          <span>ID</span>
          <input
            ref={first}
            className="input mono"
            value={id}
            onBlur={leave('id')}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
        <label className="form-field">
          <span>Ollama name</span>
          <input
            className="input mono"
            value={ollamaName}
            onBlur={leave('ollamaName')}
            onChange={(e) => setOllamaName(e.target.value)}
          />
        </label>
        <label className="form-field">
          <span>Tier</span>
          <select
            className="select"
            value={tier}
            onChange={(e) => setTier(e.target.value as CatalogTier)}
          >
            <option value="excellent_fit">excellent fit</option>
            <option value="good_fit">good fit</option>
          </select>
        </label>
        <label className="form-field">
          <span>Type</span>
          <input
            className="input"
            list={typesId}
            value={type}
            onBlur={leave('type')}
            onChange={(e) => setType(e.target.value)}
          />
          <datalist id={typesId}>
            {types.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="form-field">
          <span>Memory needed (GB)</span>
          <input
            className="input"
            inputMode="decimal"
            value={memory}
            onBlur={leave('memory')}
            onChange={(e) => setMemory(e.target.value)}
          />
        </label>
        <label className="form-field catalog-notes">
          <span>Notes</span>
          <input className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {(shown.length > 0 || error) && (
          <ul className="notice notice-error catalog-problems" role="alert">
            {shown.map((p) => (
              <li key={p}>{p}</li>
            ))}
            {error && <li>{error}</li>}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {row ? 'Save entry' : 'Add model'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
