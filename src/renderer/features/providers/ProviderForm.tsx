// The edit part of a provider card: model, base URL, key, headers, target layer; Save and Test connection.
import { useId, useState } from 'react'
import type { WritableLayer, WriteLayer } from '../../../shared/studio-config'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { fileName, sourceSentence } from '../../components/provenance-text'
import { ConnectionResult } from './ConnectionResult'
import { HeadersEditor } from './HeadersEditor'
import type { ProviderCardProps } from './ProviderCard'
import type { UnsavedProviderSettings } from './providers-store'
import { shadowingStep } from './shadowing'

function layerLabel(layer: WritableLayer): string {
  const kind = layer.layer === 'factory-config' ? 'factory config' : 'global config'
  return `${fileName(layer.file)} (${kind})`
}

export function ProviderForm(props: ProviderCardProps & { title: string }) {
  const { card, layers, secretStore, save, test, onUpdate, onTest, title } = props
  const { view } = card
  const initialBaseUrl = view.baseUrl ?? ''
  const [model, setModel] = useState(view.model)
  const [baseUrl, setBaseUrl] = useState(initialBaseUrl)
  const [apiKey, setApiKey] = useState('')
  const [layer, setLayer] = useState<WriteLayer>('factory-config')
  const [headers, setHeaders] = useState<Record<string, string>>({})
  const [removeHeaders, setRemoveHeaders] = useState<string[]>([])
  const [confirmRemoveKey, setConfirmRemoveKey] = useState(false)
  const [written, setWritten] = useState<WriteLayer | null>(null)
  const ids = { model: useId(), baseUrl: useId(), key: useId(), layer: useId() }

  const changed = {
    model: model.trim() !== view.model,
    baseUrl: baseUrl.trim() !== initialBaseUrl,
    apiKey: apiKey.trim() !== '',
    headers: Object.keys(headers).length > 0 || removeHeaders.length > 0,
  }
  const dirty = Object.values(changed).some(Boolean)
  const busy = save.state === 'busy'
  // A cleared field means "the next layer's value", which only a save can say: Save & test does.
  const cleared =
    (changed.model && model.trim() === '') || (changed.baseUrl && baseUrl.trim() === '')
  const unsaved: UnsavedProviderSettings = {
    ...(changed.model && !cleared ? { model: model.trim() } : {}),
    ...(changed.baseUrl && !cleared ? { baseUrl: baseUrl.trim() } : {}),
    ...(changed.apiKey ? { apiKey: apiKey.trim() } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(removeHeaders.length > 0 ? { removeHeaders } : {}),
  }
  const keyFromStore = view.sources.apiKey.origin.startsWith('secret:')

  /** Said at once, next to the field: writing there would not change what the factory uses. */
  const shadowHint = (field: 'model' | 'baseUrl') => {
    if (!changed[field]) return null
    const step = shadowingStep(view.chains[field], layer)
    if (!step) return null
    return (
      <small className="notice-inline notice-warn-text" role="note">
        Saved to {layer === 'global-config' ? 'global config' : 'factory config'}, this is still
        overridden: {sourceSentence(step)} wins.
      </small>
    )
  }

  const submit = async () => {
    const ok = await onUpdate({
      provider: card.provider,
      layer,
      ...(changed.model ? { model: model.trim() } : {}),
      ...(changed.baseUrl ? { baseUrl: baseUrl.trim() } : {}),
      ...(changed.apiKey ? { apiKey: apiKey.trim() } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(removeHeaders.length > 0 ? { removeHeaders } : {}),
    })
    if (!ok) return false
    setWritten(layer)
    // The key was sent once; it never comes back, so the field empties.
    setApiKey('')
    setHeaders({})
    setRemoveHeaders([])
    return true
  }

  const shadowNote = (() => {
    if (written === null || save.state !== 'saved') return null
    const fields = (['model', 'baseUrl'] as const).filter((f) => view.sources[f].layer !== written)
    if (fields.length === 0) return null
    const names = fields.map((f) => (f === 'model' ? 'Model' : 'Base URL')).join(' and ')
    return `${names} still come${fields.length === 1 ? 's' : ''} from a higher layer (${sourceSentence(view.sources[fields[0]!])}).`
  })()

  return (
    <form
      className="provider-form"
      aria-label={`Edit ${title}`}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <div className="provider-form-grid">
        <label className="form-field" htmlFor={ids.model}>
          <span>Model</span>
          <input
            id={ids.model}
            className="input mono"
            value={model}
            onChange={(e) => setModel(e.target.value)}
          />
          {shadowHint('model')}
        </label>
        <label className="form-field" htmlFor={ids.baseUrl}>
          <span>Base URL</span>
          <input
            id={ids.baseUrl}
            className="input mono"
            value={baseUrl}
            placeholder="SDK default"
            onChange={(e) => setBaseUrl(e.target.value)}
          />
          {shadowHint('baseUrl')}
        </label>
        {card.needsKey && (
          <div className="form-field provider-key">
            <label htmlFor={ids.key}>API key</label>
            <input
              id={ids.key}
              className="input mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              placeholder={
                view.apiKey ? `${view.apiKey} — paste a new key to replace it` : 'Paste a key'
              }
              aria-describedby={`${ids.key}-hint`}
              onChange={(e) => setApiKey(e.target.value)}
            />
            <small id={`${ids.key}-hint`} className="muted">
              Stored in {secretStore}; the config only gets a <code>secret:{card.provider}</code>{' '}
              reference.
            </small>
          </div>
        )}
        <label className="form-field" htmlFor={ids.layer}>
          <span>Write to</span>
          <select
            id={ids.layer}
            className="select"
            value={layer}
            onChange={(e) => setLayer(e.target.value as WriteLayer)}
          >
            {layers.map((l) => (
              <option key={l.layer} value={l.layer}>
                {layerLabel(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {layer === 'global-config' && changed.apiKey && (
        <p className="notice notice-warn">
          mindX itself does not read <code>secret:</code> references: with the key referenced from
          global config, mindX (not this app) would send the reference text as its key.
        </p>
      )}
      {(card.provider === 'ollama' || card.origin === 'custom') && (
        <HeadersEditor
          existing={card.headers}
          added={headers}
          removed={removeHeaders}
          onAdd={(name, value) => setHeaders((h) => ({ ...h, [name]: value }))}
          onToggleRemove={(name) =>
            setRemoveHeaders((r) => (r.includes(name) ? r.filter((n) => n !== name) : [...r, name]))
          }
          onDropAdded={(name) =>
            setHeaders((h) => Object.fromEntries(Object.entries(h).filter(([n]) => n !== name)))
          }
        />
      )}
      <div className="actions provider-actions">
        <button type="submit" className="button button-primary" disabled={!dirty || busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button"
          // With edits it tries what is on screen, written nowhere. Testing while a save is in
          // flight would test the old settings, and the save's reload would then wipe the result.
          onClick={() => onTest(dirty ? unsaved : undefined)}
          disabled={test.state === 'busy' || busy || cleared}
          aria-describedby={dirty ? `${ids.model}-tests-typed` : undefined}
        >
          {test.state === 'busy' ? 'Testing…' : 'Test connection'}
        </button>
        {dirty && (
          <button
            type="button"
            className="button"
            disabled={busy || test.state === 'busy'}
            onClick={() => void submit().then((ok) => ok && onTest())}
          >
            Save &amp; test
          </button>
        )}
        {card.needsKey && keyFromStore && (
          <button type="button" className="button" onClick={() => setConfirmRemoveKey(true)}>
            Remove key
          </button>
        )}
        {dirty && <span className="chip chip-warn">Unsaved changes</span>}
        {save.state === 'saved' && !dirty && <span className="chip chip-ok">Saved</span>}
      </div>
      {dirty && (
        <p id={`${ids.model}-tests-typed`} className="muted provider-tests-saved">
          {cleared
            ? 'A cleared field is tested once saved: use Save & test.'
            : 'Test connection tries what you typed without saving it; Save & test keeps it.'}
        </p>
      )}
      {save.state === 'error' && (
        <p className="notice notice-error" role="alert">
          Not saved: {save.message}
        </p>
      )}
      {shadowNote && <p className="notice notice-warn">{shadowNote}</p>}
      {test.state === 'done' && test.unsaved && (
        <p className="muted">Tested what was typed in the form; nothing was saved.</p>
      )}
      {test.state === 'done' && (
        <ConnectionResult
          result={test.result}
          onPickModel={(picked) => void onUpdate({ provider: card.provider, layer, model: picked })}
        />
      )}
      {confirmRemoveKey && (
        <ConfirmDialog
          title={`Remove the ${title} key?`}
          confirmLabel="Remove key"
          tone="danger"
          onCancel={() => setConfirmRemoveKey(false)}
          onConfirm={() => {
            setConfirmRemoveKey(false)
            void onUpdate({
              provider: card.provider,
              layer:
                view.sources.apiKey.layer === 'global-config' ? 'global-config' : 'factory-config',
              apiKey: null,
            })
          }}
        >
          <p>
            The key is deleted from {props.secretStore} and its reference removed from the config.
            Calls to {title} will fail until a new key is set.
          </p>
        </ConfirmDialog>
      )}
    </form>
  )
}
