// The form view: what the app understands of the factory json; everything else is listed and left as is.
import { BUILT_IN_PROVIDER_NAMES, builtInProvider } from '../../../shared/providers'
import { ReorderableList } from '../../components/ReorderableList'
import { CommitInput } from './CommitInput'

type Json = unknown
type JsonPath = (string | number)[]
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface ConfigFormProps {
  text: string
  onEdit: (path: JsonPath, value: JsonValue | undefined) => void
  /** A field's typed value not yet applied (undefined removes the key; null unstages). */
  onStage: (path: JsonPath, value: string | undefined | null) => void
  /** Applies the field's staged value. */
  onCommit: (path: JsonPath) => void
}

const ORDER_KEY = 'default_provider_preference_order'
const SETTINGS_KEYS = new Set([
  'default_model_override',
  'base_url_override',
  'api_key_override',
  'headers',
  'cloud_run_friendly_models',
])

/** Built-ins without key variables (local Ollama, LM Studio, Mock) take no key; custom ones may. */
function takesKey(provider: string): boolean {
  const d = builtInProvider(provider)
  return d === undefined || d.requiresKey || d.keyEnv.length > 0
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: Json): string {
  if (Array.isArray(value)) return `list of ${value.length}`
  if (isObject(value)) {
    const keys = Object.keys(value)
    return `${keys.length} key${keys.length === 1 ? '' : 's'}: ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}`
  }
  return JSON.stringify(value)
}

function stringList(value: Json): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function ConfigForm({ text, onEdit, onStage, onCommit }: ConfigFormProps) {
  let data: Json
  try {
    data = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return (
      <p className="notice notice-warn">
        The form needs valid JSON. Fix the error shown in the JSON view first.
      </p>
    )
  }
  if (!isObject(data)) {
    return <p className="notice notice-warn">The file must hold a JSON object at the top.</p>
  }
  const order = stringList(data[ORDER_KEY])
  // Built-in providers, then the workspace's custom endpoints (they take the same overrides).
  const customs = isObject(data.custom_providers) ? Object.keys(data.custom_providers) : []
  const providers = [...BUILT_IN_PROVIDER_NAMES, ...customs]
  const knownTop = new Set([ORDER_KEY, ...providers.map((p) => `${p}_settings_for_factory`)])
  const others = Object.keys(data).filter((key) => !knownTop.has(key))
  const cloudRun = (data.ollama_settings_for_factory as Record<string, Json> | undefined)
    ?.cloud_run_friendly_models
  /** A text field of the form: blank removes the override, the rest is trimmed. */
  const field = (path: JsonPath) => ({
    onStage: (typed: string | null) =>
      onStage(path, typed === null ? null : typed.trim() === '' ? undefined : typed.trim()),
    onCommit: () => onCommit(path),
  })

  return (
    <div className="config-form">
      <section aria-labelledby="form-providers">
        <h3 id="form-providers">Provider settings</h3>
        <table className="config-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model override</th>
              <th scope="col">Base URL override</th>
              <th scope="col">API key</th>
              <th scope="col">Other keys</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((provider) => {
              const key = `${provider}_settings_for_factory`
              const settings = isObject(data[key]) ? data[key] : {}
              const str = (name: string) =>
                typeof settings[name] === 'string' ? settings[name] : ''
              const extra = Object.keys(settings).filter((k) => !SETTINGS_KEYS.has(k))
              const headers = isObject(settings.headers) ? Object.keys(settings.headers) : []
              return (
                <tr key={provider}>
                  <th scope="row">{provider}</th>
                  <td>
                    <CommitInput
                      label={`${provider} model override`}
                      value={str('default_model_override')}
                      placeholder="not set"
                      {...field([key, 'default_model_override'])}
                    />
                  </td>
                  <td>
                    <CommitInput
                      label={`${provider} base URL override`}
                      value={str('base_url_override')}
                      placeholder="not set"
                      {...field([key, 'base_url_override'])}
                    />
                  </td>
                  <td className="mono">
                    {takesKey(provider)
                      ? str('api_key_override') || <span className="muted">not set</span>
                      : '—'}
                  </td>
                  <td className="muted">
                    {[...(headers.length ? [`headers: ${headers.join(', ')}`] : []), ...extra].join(
                      '; ',
                    ) || '—'}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <p className="muted">
          Keys are set on the Providers screen (stored outside this file). Blank removes an
          override.
        </p>
      </section>

      <section aria-labelledby="form-order">
        <h3 id="form-order">Default provider order</h3>
        <ReorderableList
          label="Provider preference order (form)"
          items={order.map((name) => ({ id: name, label: name }))}
          onReorder={(ids) => onEdit([ORDER_KEY], ids)}
          onRemove={(id) => {
            const next = order.filter((name) => name !== id)
            onEdit([ORDER_KEY], next.length ? next : undefined)
          }}
        />
      </section>

      <section aria-labelledby="form-cloud-run">
        <h3 id="form-cloud-run">Cloud Run preference orders</h3>
        {isObject(cloudRun) ? (
          <div className="config-orders">
            {(['coding', 'general'] as const).map((kind) => {
              const orderKey = `default_${kind}_preference_order`
              const ids = stringList(cloudRun[orderKey])
              const path = ['ollama_settings_for_factory', 'cloud_run_friendly_models', orderKey]
              return (
                <div key={kind}>
                  <h4>{kind === 'coding' ? 'Coding' : 'General'}</h4>
                  {cloudRun[orderKey] === undefined ? (
                    <p className="muted">Built-in order (not set in this file).</p>
                  ) : (
                    <ReorderableList
                      label={`${kind} preference order (form)`}
                      items={ids.map((id) => ({ id, label: id }))}
                      onReorder={(next) => onEdit(path, next)}
                    />
                  )}
                </div>
              )
            })}
          </div>
        ) : (
          <p className="muted">
            Not set in this file: the built-in catalog and orders apply. Add or edit entries on the
            Cloud Run models screen.
          </p>
        )}
      </section>

      <section aria-labelledby="form-other">
        <h3 id="form-other">Other sections</h3>
        {others.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <>
            <p className="muted">
              Kept exactly as they are through every edit; change them in the JSON view.
            </p>
            <ul className="config-others" aria-label="Sections the form leaves to the JSON view">
              {others.map((key) => (
                <li key={key}>
                  <code>{key}</code> <span className="muted">{describe(data[key])}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}
