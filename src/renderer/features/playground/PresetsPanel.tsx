// Presets in the Playground's side panel: pick one, save the current settings as one, rename, delete.
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ChatSettings } from '../../../shared/chat'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { differsFrom, presetPart, settingsFrom, usePresetsStore } from './presets-store'

export interface PresetsPanelProps {
  settings: ChatSettings
  disabled: boolean
  onChange: (change: Partial<ChatSettings>) => void
}

/** The name form: a new preset from the current settings, or a new name for the picked one. */
type Editing = { kind: 'save' | 'rename'; name: string } | null

export function PresetsPanel({ settings, disabled, onChange }: PresetsPanelProps) {
  const s = usePresetsStore(
    useShallow((state) => ({
      presets: state.presets,
      pickedId: state.pickedId,
      problem: state.problem,
    })),
  )
  const [editing, setEditing] = useState<Editing>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  useEffect(() => usePresetsStore.getState().start(), [])
  const store = usePresetsStore.getState()
  const list = s.presets.state === 'ready' ? s.presets.value : []
  const picked = list.find((p) => p.id === s.pickedId) ?? null
  const changed = picked !== null && differsFrom(picked, settings)

  const submit = async () => {
    if (!editing) return
    const done =
      editing.kind === 'save'
        ? await store.save(editing.name, presetPart(settings))
        : picked !== null && (await store.rename(picked.id, editing.name))
    if (done) setEditing(null)
  }

  return (
    <div className="presets-panel">
      <label className="field">
        <span className="field-label">Preset</span>
        <select
          className="input"
          value={picked?.id ?? ''}
          disabled={disabled || s.presets.state !== 'ready'}
          onChange={(e) => {
            const preset = store.pick(e.target.value === '' ? null : e.target.value)
            if (preset) onChange(settingsFrom(preset))
          }}
        >
          <option value="">{list.length === 0 ? 'No presets yet' : 'None picked'}</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {s.presets.state === 'loading' && <p className="hint">Loading presets…</p>}
      {s.presets.state === 'error' && (
        <p className="field-note field-note-warn">{s.presets.message}</p>
      )}
      {changed && (
        <p className="hint">
          The settings differ from “{picked.name}”: Update keeps them in it, Save as preset makes a
          new one.
        </p>
      )}
      {editing ? (
        <form
          className="preset-name-form"
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <label className="field">
            <span className="field-label">
              {editing.kind === 'save' ? 'New preset name' : 'New name'}
            </span>
            <input
              className="input"
              value={editing.name}
              maxLength={80}
              autoFocus
              onChange={(e) => setEditing({ ...editing, name: e.target.value })}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return
                e.preventDefault()
                setEditing(null)
                store.clearProblem()
              }}
            />
          </label>
          <div className="button-row">
            <button
              type="submit"
              className="button button-small button-primary"
              disabled={editing.name.trim() === ''}
            >
              {editing.kind === 'save' ? 'Save preset' : 'Rename preset'}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setEditing(null)
                store.clearProblem()
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            disabled={disabled || s.presets.state !== 'ready'}
            onClick={() => setEditing({ kind: 'save', name: '' })}
          >
            Save as preset…
          </button>
          {changed && (
            <button
              type="button"
              className="button button-small"
              disabled={disabled}
              onClick={() => void store.save(picked.name, presetPart(settings), picked.id)}
            >
              Update preset
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={disabled || picked === null}
            onClick={() => picked && setEditing({ kind: 'rename', name: picked.name })}
          >
            Rename preset…
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={disabled || picked === null}
            onClick={() => setConfirmDelete(true)}
          >
            Delete preset…
          </button>
        </div>
      )}
      {s.problem && (
        <p className="field-note field-note-warn" role="alert">
          {s.problem}
        </p>
      )}
      {confirmDelete && picked && (
        <ConfirmDialog
          title={`Delete the preset “${picked.name}”?`}
          confirmLabel="Delete"
          tone="danger"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false)
            void store.remove(picked.id)
          }}
        >
          <p>The preset is deleted from this workspace. The current settings stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
