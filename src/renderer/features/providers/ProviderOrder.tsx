// default_provider_preference_order: reorder (drag or buttons), add, remove; the first with a handler wins.
import type { ResolutionView } from '../../../shared/resolution'
import { ProvenanceChain } from '../../components/ProvenanceChain'
import { sourceSentence } from '../../components/provenance-text'
import { ReorderableList } from '../../components/ReorderableList'
import { AddItemPicker } from '../../components/AddItemPicker'

export interface ProviderOrderProps {
  order: string[]
  /** Every provider this workspace has a handler for (built-in and custom). */
  known: string[]
  defaultView: ResolutionView
  busy: boolean
  error: string | null
  onChange: (order: string[]) => void
}

export function ProviderOrder(props: ProviderOrderProps) {
  const { order, known, defaultView, busy, error, onChange } = props
  const missing = known.filter((p) => !order.includes(p))
  const items = order.map((name) => ({
    id: name,
    label: name,
    note: known.includes(name)
      ? name === defaultView.provider
        ? 'used (first with a handler)'
        : undefined
      : 'no handler in this app — skipped',
  }))
  return (
    <section className="panel" aria-labelledby="provider-order-title">
      <div className="panel-header">
        <h2 id="provider-order-title">Default provider order</h2>
        <span className="muted">
          Default now: <strong>{defaultView.provider}</strong> · <code>{defaultView.model}</code> —{' '}
          {sourceSentence(defaultView.sources.provider)}
        </span>
      </div>
      {order.length === 0 && (
        <p className="muted">
          Not set: the factory uses <code>llm.default_provider</code> or Ollama. Add providers to
          choose an order.
        </p>
      )}
      <ReorderableList
        label="Default provider order"
        items={items}
        onReorder={onChange}
        onRemove={(id) => onChange(order.filter((name) => name !== id))}
        disabled={busy}
      />
      <div className="actions provider-order-add">
        <AddItemPicker
          label="Add provider"
          choices={missing}
          disabled={busy}
          onAdd={(name) => onChange([...order, name])}
        />
        <details className="provider-chain">
          <summary>How was the default chosen?</summary>
          <ProvenanceChain label="Default provider" chain={defaultView.chains.provider} />
        </details>
      </div>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          Order not saved: {error}
        </p>
      )}
    </section>
  )
}
