// "Add OpenAI-compatible endpoint": name, base URL, key, optional headers, default model; checked
// with the contract's own schema on blur and on submit; the new endpoint is selected once added.
import { useId, useRef, useState } from 'react'
import { customEndpointInput } from '../../../shared/studio-contract'
import { Dialog } from '../../components/Dialog'
import { useProvidersStore } from './providers-store'

const FIELDS = ['name', 'baseUrl', 'apiKey', 'headers', 'defaultModel'] as const
type Field = (typeof FIELDS)[number]

/** `Name: value` per line; a line without a colon is reported, not dropped. */
function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {}
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return `"${line}" is not "Name: value"`
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}

function check(values: Record<Field, string>) {
  const errors: Partial<Record<Field, string>> = {}
  const headers = parseHeaders(values.headers)
  if (typeof headers === 'string') errors.headers = headers
  const input = {
    name: values.name,
    protocol: 'openai-compatible' as const,
    baseUrl: values.baseUrl,
    ...(values.apiKey.trim() ? { apiKey: values.apiKey } : {}),
    ...(typeof headers !== 'string' && Object.keys(headers).length ? { headers } : {}),
    ...(values.defaultModel.trim() ? { defaultModel: values.defaultModel } : {}),
  }
  const parsed = customEndpointInput.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field
      errors[field] ??= issue.message
    }
  }
  return { errors, input: parsed.success ? parsed.data : null }
}

export function AddEndpointDialog(props: { onClose: () => void }) {
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    baseUrl: '',
    apiKey: '',
    headers: '',
    defaultModel: '',
  })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const idBase = useId()
  const { errors, input } = check(values)

  const field = (name: Field, label: string, extra: { hint?: string; type?: string } = {}) => {
    const id = `${idBase}-${name}`
    const error = touched[name] ? errors[name] : undefined
    const describedBy = [extra.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean)
    const common = {
      id,
      className: name === 'headers' ? 'input mono textarea' : 'input mono',
      value: values[name],
      'aria-invalid': error !== undefined,
      'aria-describedby': describedBy.length ? describedBy.join(' ') : undefined,
      onBlur: () => setTouched((t) => ({ ...t, [name]: true })),
    }
    return (
      <div className="form-field">
        <label htmlFor={id}>{label}</label>
        {name === 'headers' ? (
          <textarea
            {...common}
            rows={2}
            onChange={(e) => setValues((v) => ({ ...v, headers: e.target.value }))}
          />
        ) : (
          <input
            {...common}
            ref={name === 'name' ? nameRef : undefined}
            type={extra.type ?? 'text'}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          />
        )}
        {extra.hint && (
          <small id={`${id}-hint`} className="muted">
            {extra.hint}
          </small>
        )}
        {error && (
          <small id={`${id}-error`} className="field-error" role="alert">
            {error}
          </small>
        )}
      </div>
    )
  }

  const submit = async () => {
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])))
    if (!input) return
    setBusy(true)
    const message = await useProvidersStore.getState().addCustom(input)
    setBusy(false)
    if (message === null) props.onClose()
    else setFailure(message)
  }

  return (
    <Dialog
      title="Add OpenAI-compatible endpoint"
      className="add-endpoint-dialog"
      initialFocus={nameRef}
      onCancel={props.onClose}
    >
      <form
        className="dialog-body add-endpoint-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <p className="muted">
          Any server speaking the OpenAI chat completions API (vLLM, LM Studio, llama.cpp, a proxy).
          It is stored in <code>custom_providers</code>; the key and header values go to the secret
          store, the json only gets <code>secret:</code> references.
        </p>
        {field('name', 'Name', { hint: 'lowercase letters, digits, _ and -, e.g. my-vllm' })}
        {field('baseUrl', 'Base URL', { hint: 'the API root, e.g. http://localhost:8000/v1' })}
        {field('apiKey', 'API key', { type: 'password', hint: 'optional' })}
        {field('headers', 'Headers', { hint: 'optional, one "Name: value" per line' })}
        {field('defaultModel', 'Default model', { hint: 'optional, e.g. Qwen/Qwen3-0.6B' })}
        {failure !== null && (
          <p className="notice notice-error" role="alert">
            Not added: {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add endpoint'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
