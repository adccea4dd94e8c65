// One provider: effective values with where they came from, an edit form, Test connection.
import { useId } from 'react'
import type { ResolvedFieldName } from '../../../shared/resolution'
import type { ProviderCard as ProviderCardData, WritableLayer } from '../../../shared/studio-config'
import { ProvenanceChain } from '../../components/ProvenanceChain'
import { sourceSentence } from '../../components/provenance-text'
import type { ProviderUpdate, SaveState, TestState } from './providers-store'
import { ProviderForm } from './ProviderForm'
import { ProviderHealth } from './health/ProviderHealth'

const TITLES: Record<string, string> = {
  ollama: 'Ollama',
  gemini: 'Gemini',
  groq: 'Groq',
  mock: 'Mock',
}

export interface ProviderCardProps {
  card: ProviderCardData
  isDefault: boolean
  layers: WritableLayer[]
  secretStore: string
  save: SaveState
  test: TestState
  onUpdate: (change: ProviderUpdate) => Promise<boolean>
  onTest: () => void
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
            label={`${label} of ${TITLES[card.provider]}`}
            chain={card.view.chains[field]}
          />
        </details>
      </dd>
    </div>
  )
}

export function ProviderCard(props: ProviderCardProps) {
  const { card, isDefault, layers } = props
  const { view } = card
  const title = TITLES[card.provider] ?? card.provider
  const headingId = useId()
  return (
    <article className="panel provider-card" aria-labelledby={headingId}>
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        <span className="chip">{view.handler}</span>
        {isDefault && <span className="chip chip-accent">default</span>}
      </header>
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
