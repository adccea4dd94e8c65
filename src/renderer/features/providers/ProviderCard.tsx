// The detail pane for one provider: effective values with where they came from, mindX's registry
// entry, an edit form, Test connection, and Remove for custom endpoints.
import { useId } from 'react'
import type { ResolvedFieldName } from '../../../shared/resolution'
import type { ProviderCard as ProviderCardData, WritableLayer } from '../../../shared/studio-config'
import { ProvenanceChain } from '../../components/ProvenanceChain'
import { fileName as fileNameOf, sourceSentence } from '../../components/provenance-text'
import type {
  ProviderUpdate,
  SaveState,
  TestState,
  UnsavedProviderSettings,
} from './providers-store'
import { ProviderForm } from './ProviderForm'
import { ProviderHealth } from './health/ProviderHealth'

export interface ProviderCardProps {
  card: ProviderCardData
  isDefault: boolean
  layers: WritableLayer[]
  secretStore: string
  save: SaveState
  test: TestState
  onUpdate: (change: ProviderUpdate) => Promise<boolean>
  /** Tests the saved settings, or with `unsaved` what the form holds without saving it. */
  onTest: (unsaved?: UnsavedProviderSettings) => void
  /** Custom endpoints only: removes it from custom_providers (after a confirm). */
  onRemove?: () => void
}

function FieldValue(props: {
  label: string
  field: ResolvedFieldName
  card: ProviderCardData
  value: string
}) {
  const { label, field, card, value } = props
  return (
    <div className="provider-field">
      <dt>{label}</dt>
      <dd>
        <code className="provider-value">{value}</code>
        <span className="provider-source">{sourceSentence(card.view.sources[field])}</span>
        <details className="provider-chain">
          <summary>How was this chosen?</summary>
          <ProvenanceChain
            label={`${label} of ${card.displayName}`}
            chain={card.view.chains[field]}
          />
        </details>
      </dd>
    </div>
  )
}

/** What data/config/provider_registry.json says about this provider, when it has an entry. */
function MindxEntry({ card }: { card: ProviderCardData }) {
  const vars = [...card.keyEnv.map((v) => `key: ${v}`), ...card.baseUrlEnv.map((v) => `URL: ${v}`)]
  const limits = card.mindx?.limits
  return (
    <p className="provider-meta muted">
      {card.protocol} protocol
      {vars.length > 0 && <> · reads {vars.join(', ')}</>}
      {card.mindx && (
        <>
          {' '}
          · mindX {fileNameOf(card.mindx.file)}:{' '}
          {card.mindx.enabled === null
            ? 'no enabled flag'
            : card.mindx.enabled
              ? 'enabled'
              : 'disabled'}
          {limits?.requestsPerMinute !== undefined && `, ${limits.requestsPerMinute} requests/min`}
          {limits?.tokensPerMinute !== undefined && `, ${limits.tokensPerMinute} tokens/min`}
        </>
      )}
    </p>
  )
}

export function ProviderCard(props: ProviderCardProps) {
  const { card, isDefault, layers } = props
  const { view } = card
  const title = card.displayName
  const headingId = useId()
  return (
    <article className="panel provider-card" aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        <span className="chip">{view.handler}</span>
        {isDefault && <span className="chip chip-accent">default</span>}
        {card.origin === 'custom' && <span className="chip">custom endpoint</span>}
        {props.onRemove && (
          <button type="button" className="button button-small" onClick={props.onRemove}>
            Remove endpoint
          </button>
        )}
      </header>
      <MindxEntry card={card} />
      {/* Slot for the provider-health summary (issue 12). */}
      <div className="provider-health-slot" data-slot="provider-health" />
      {view.fallbackReason !== null && (
        <p className="notice notice-warn">Falls back to Mock: {view.fallbackReason}</p>
      )}
      <dl className="provider-fields">
        <FieldValue label="Model" field="model" card={card} value={view.model} />
        <FieldValue
          label="Base URL"
          field="baseUrl"
          card={card}
          value={view.baseUrl ?? 'SDK default'}
        />
        {card.needsKey && (
          <FieldValue label="Key" field="apiKey" card={card} value={view.apiKey ?? 'none set'} />
        )}
      </dl>
      {/* Remounted when the effective values change, so the form starts from what is saved. */}
      <ProviderForm
        key={`${view.model}|${view.baseUrl ?? ''}|${view.apiKey ?? ''}|${card.headers.length}`}
        {...props}
        layers={layers}
        title={title}
      />
      <ProviderHealth provider={card.provider} title={title} />
    </article>
  )
}
