// For the effective provider, model, key and base URL: every layer consulted, the winner, the shadowed.
import { RESOLVED_FIELDS } from '../../../shared/resolution'
import type { ResolutionView } from '../../../shared/resolution'
import { ProvenanceChain } from '../../components/ProvenanceChain'
import { sourceSentence } from '../../components/provenance-text'
import type { Loadable } from '../../stores/shell-store'

const FIELD_LABELS = {
  provider: 'Provider',
  model: 'Model',
  apiKey: 'API key',
  baseUrl: 'Base URL',
}

export function ProvenancePanel({ resolution }: { resolution: Loadable<ResolutionView> }) {
  return (
    <section className="panel" aria-labelledby="provenance-title">
      <h2 id="provenance-title">Provenance</h2>
      {resolution.state === 'loading' && <p className="muted">Resolving…</p>}
      {resolution.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {resolution.message}
        </p>
      )}
      {resolution.state === 'ready' && (
        <>
          <p className="muted">
            What the factory uses now (from the saved files), and every layer it looked at.
          </p>
          {resolution.value.fallbackReason !== null && (
            <p className="notice notice-warn">{resolution.value.fallbackReason}</p>
          )}
          {RESOLVED_FIELDS.map((field) => {
            const value =
              field === 'provider'
                ? resolution.value.provider
                : field === 'model'
                  ? resolution.value.model
                  : field === 'apiKey'
                    ? (resolution.value.apiKey ?? 'none')
                    : (resolution.value.baseUrl ?? 'SDK default')
            return (
              <div key={field} className="provenance-field">
                <div className="provenance-field-head">
                  <strong>{FIELD_LABELS[field]}</strong> <code>{value}</code>{' '}
                  <span className="muted">{sourceSentence(resolution.value.sources[field])}</span>
                </div>
                <ProvenanceChain
                  label={FIELD_LABELS[field]}
                  chain={resolution.value.chains[field]}
                />
              </div>
            )
          })}
          {resolution.value.warnings.map((warning) => (
            <p key={`${warning.file}:${warning.line}`} className="notice notice-warn">
              {warning.file}:{warning.line}:{warning.column}: {warning.message}
            </p>
          ))}
        </>
      )}
    </section>
  )
}
