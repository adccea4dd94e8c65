// default_provider_preference_order: reorder (drag or buttons), add, remove; the first with a handler wins.
import { useId, useState } from 'react'
import { isProviderName, PROVIDERS } from '../../../shared/llm'
import type { ResolutionView } from '../../../shared/resolution'
import { ProvenanceChain } from '../../components/ProvenanceChain'
import { sourceSentence } from '../../components/provenance-text'
import { ReorderableList } from '../../components/ReorderableList'

export interface ProviderOrderProps {
  order: string[]
  defaultView: ResolutionView
  busy: boolean
  error: string | null
  onChange: (order: string[]) => void
}

export function ProviderOrder({ order, defaultView, busy, error, onChange }: ProviderOrderProps) {
  const [adding, setAdding] = useState('')
  const addId = useId()
  const missing = PROVIDERS.filter((p) => !order.includes(p))
  const items = order.map((name) => ({
    id: name,
    label: name,
    note: isProviderName(name)
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
        {missing.length > 0 && (
          <>
            <label htmlFor={addId} className="form-label">
              Add provider
            </label>
            <select
              id={addId}
              className="select"
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">Choose…</option>
              {missing.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={adding === '' || busy}
              onClick={() => {
                onChange([...order, adding])
                setAdding('')
              }}
            >
              Add
            </button>
          </>
        )}
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
