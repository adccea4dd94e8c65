// Provider + model pickers: the provider's listed models with the factory default marked; free text when listing fails.
import type { ChatModelList } from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import { PROVIDERS } from '../../../shared/llm'
import type { Loadable } from '../../stores/shell-store'
import { MessageText } from '../../components/MessageText'
import { useNavigationStore } from '../../stores/navigation-store'

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  ollama: 'Ollama',
  gemini: 'Gemini',
  groq: 'Groq',
  mock: 'Mock (offline)',
}

export interface ModelPickerProps {
  /** Distinguishes several pickers on one screen (ids and accessible names). */
  id: string
  nameSuffix?: string
  provider: ProviderName
  model: string
  defaultProvider: ProviderName | null
  models: Loadable<ChatModelList> | undefined
  disabled?: boolean
  onProvider: (provider: ProviderName) => void
  onModel: (model: string) => void
  onReload: () => void
}

export function ModelPicker(props: ModelPickerProps) {
  const go = useNavigationStore((s) => s.go)
  const { models, nameSuffix = '' } = props
  const list = models?.state === 'ready' ? models.value : null
  const listError =
    list?.error ??
    (models?.state === 'error' ? { code: 'internal', message: models.message } : null)
  const names = list?.models ?? []
  const freeText =
    listError !== null ||
    (list !== null && !names.some((m) => m.name === props.model) && props.model !== '')
  return (
    <div className="model-picker">
      <label className="field">
        <span className="field-label">Provider</span>
        <select
          className="input"
          aria-label={`Provider${nameSuffix}`}
          value={props.provider}
          disabled={props.disabled}
          onChange={(e) => props.onProvider(e.target.value as ProviderName)}
        >
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
              {p === props.defaultProvider ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Model</span>
        {models === undefined || models.state === 'loading' ? (
          <select className="input" aria-label={`Model${nameSuffix}`} id={props.id} disabled>
            <option>Loading models…</option>
          </select>
        ) : freeText ? (
          <input
            className="input"
            id={props.id}
            aria-label={`Model${nameSuffix}`}
            value={props.model}
            list={`${props.id}-list`}
            disabled={props.disabled}
            placeholder={list?.defaultModel ?? 'model name'}
            onChange={(e) => props.onModel(e.target.value)}
          />
        ) : (
          <select
            className="input"
            id={props.id}
            aria-label={`Model${nameSuffix}`}
            value={props.model}
            disabled={props.disabled}
            onChange={(e) => props.onModel(e.target.value)}
          >
            {names.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
                {m.name === list?.defaultModel ? ' (default)' : ''}
              </option>
            ))}
          </select>
        )}
        {freeText && (
          <datalist id={`${props.id}-list`}>
            {names.map((m) => (
              <option key={m.name} value={m.name} />
            ))}
          </datalist>
        )}
      </label>
      {list?.fallbackReason && <p className="field-note">{list.fallbackReason}</p>}
      {listError && (
        <p className="field-note field-note-warn">
          Models could not be listed: <MessageText text={listError.message} />{' '}
          <button type="button" className="link-button" onClick={props.onReload}>
            Try again
          </button>
          {listError.code === 'auth' && (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => go('providers')}>
                Open Providers
              </button>
            </>
          )}
        </p>
      )}
    </div>
  )
}
