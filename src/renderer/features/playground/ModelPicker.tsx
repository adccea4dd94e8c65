// Provider + model pickers: every registry provider; the model is a combobox offering the provider's
// listed models (the factory default marked) and taking any typed name.
import { useEffect } from 'react'
import type { ChatModelList } from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import type { Loadable } from '../../stores/shell-store'
import { MessageText } from '../../components/MessageText'
import { useNavigationStore } from '../../stores/navigation-store'
import { useProviderRegistryStore } from '../../stores/provider-registry-store'

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
  const providers = useProviderRegistryStore((s) => s.providers)
  const loadProviders = useProviderRegistryStore((s) => s.load)
  useEffect(() => void loadProviders(), [loadProviders])
  // A conversation may name a provider this workspace no longer has: keep it selectable.
  const options = providers.some((p) => p.name === props.provider)
    ? providers
    : [...providers, { name: props.provider, displayName: props.provider }]
  const { models, nameSuffix = '' } = props
  const list = models?.state === 'ready' ? models.value : null
  const listError =
    list?.error ??
    (models?.state === 'error' ? { code: 'internal', message: models.message } : null)
  const names = list?.models ?? []
  const unlisted =
    list !== null &&
    names.length > 0 &&
    props.model !== '' &&
    !names.some((m) => m.name === props.model)
  return (
    <div className="model-picker">
      <label className="field">
        <span className="field-label">Provider</span>
        <select
          className="input"
          aria-label={`Provider${nameSuffix}`}
          value={props.provider}
          disabled={props.disabled}
          onChange={(e) => props.onProvider(e.target.value)}
        >
          {options.map((p) => (
            <option key={p.name} value={p.name}>
              {p.displayName}
              {p.name === props.defaultProvider ? ' (default)' : ''}
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
        ) : (
          <input
            className="input"
            id={props.id}
            aria-label={`Model${nameSuffix}`}
            value={props.model}
            list={`${props.id}-list`}
            autoComplete="off"
            spellCheck={false}
            disabled={props.disabled}
            placeholder={list?.defaultModel ?? 'model name'}
            onChange={(e) => props.onModel(e.target.value)}
          />
        )}
        <datalist id={`${props.id}-list`}>
          {names.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name === list?.defaultModel ? 'default' : undefined}
            </option>
          ))}
        </datalist>
      </label>
      {unlisted && (
        <p className="field-note">
          {props.model} is not among the listed models: it is sent as typed.
        </p>
      )}
      {list?.fallbackReason && <p className="field-note">{list.fallbackReason}</p>}
      {listError && (
        <p className="field-note field-note-warn">
          Models could not be listed: <MessageText text={listError.message} />{' '}
          <button
            type="button"
            className="link-button"
            aria-label={`Retry listing models${nameSuffix}`}
            onClick={props.onReload}
          >
            Retry
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
