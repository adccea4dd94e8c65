// One provider's health per base URL: ok / cooldown / circuit, budget use against limits, last error, Reset.
// Self-contained (its own store and API calls): place it wherever a provider is shown.
import { useEffect } from 'react'
import type { BudgetUse, EndpointHealth } from '../../../../shared/provider-health'
import { useProviderHealthStore } from './health-store'
import './provider-health.css'

const REFRESH_MS = 5000

export interface ProviderHealthProps {
  provider: string
  /** Shown in labels ("Reset Groq health"); defaults to the provider name. */
  title?: string
}

export function ProviderHealth({ provider, title = provider }: ProviderHealthProps) {
  const { health, load, reset, resetting, resetError } = useProviderHealthStore()
  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  const endpoints =
    health.state === 'ready' ? health.value.filter((h) => h.provider === provider) : []
  return (
    <section className="provider-health" aria-label={`${title} health`}>
      <div className="provider-health-header">
        <h3>Health</h3>
        <button
          type="button"
          className="button button-small"
          disabled={resetting !== null || health.state !== 'ready'}
          onClick={() => void reset(provider)}
        >
          {resetting === provider ? 'Resetting…' : `Reset ${title} health`}
        </button>
      </div>
      {health.state === 'loading' && <p className="hint">Reading health…</p>}
      {health.state === 'error' && (
        <p className="notice notice-error">Health could not be read: {health.message}</p>
      )}
      {health.state === 'ready' && endpoints.length === 0 && (
        <p className="hint">No calls made to {title} yet.</p>
      )}
      {endpoints.map((endpoint) => (
        <EndpointView key={`${endpoint.role}-${endpoint.baseUrl ?? ''}`} endpoint={endpoint} />
      ))}
      {resetError && (
        <p className="notice notice-error" role="alert">
          Reset failed: {resetError}
        </p>
      )}
    </section>
  )
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString()
}

function stateText(h: EndpointHealth): string {
  switch (h.state) {
    case 'ok':
      return 'OK'
    case 'cooldown':
      return `Cooldown until ${h.until ? time(h.until) : '…'}`
    case 'circuit_open':
      return `Circuit open until ${h.until ? time(h.until) : '…'}`
    case 'half_open':
      return 'Half-open: the next call is a trial'
  }
}

function budgetText(use: BudgetUse): string {
  return use.limit === null ? `${use.used}` : `${use.used} / ${use.limit}`
}

function EndpointView({ endpoint: h }: { endpoint: EndpointHealth }) {
  const rows: [string, BudgetUse][] = [
    ['This minute', h.budget.minute],
    ['This hour', h.budget.hour],
    ['Today (24 h)', h.budget.day],
    ['Tokens this minute', h.budget.tokensMinute],
  ]
  return (
    <div className="health-endpoint">
      <p className="health-state-line">
        <span className={`health-badge health-${h.state}`}>{stateText(h)}</span>
        <span className="health-url">
          {h.role === 'fallback' ? 'fallback_url ' : ''}
          {h.baseUrl ?? 'SDK default URL'}
        </span>
        {h.consecutiveFailures > 0 && (
          <span className="hint">
            {h.consecutiveFailures} failure{h.consecutiveFailures === 1 ? '' : 's'} in a row
            (circuit opens at {h.circuitThreshold})
          </span>
        )}
      </p>
      <dl className="health-budget" aria-label="Budget used">
        {rows
          .filter(([, use]) => use.limit !== null || use.used > 0)
          .map(([label, use]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{budgetText(use)}</dd>
            </div>
          ))}
      </dl>
      {h.limitSources.length > 0 && (
        <details className="health-sources">
          <summary>Where the limits come from</summary>
          <ul>
            {h.limitSources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </details>
      )}
      {h.lastError && (
        <p className="health-error">
          Last error ({h.lastError.code}) at {time(h.lastError.at)}: {h.lastError.message}
        </p>
      )}
    </div>
  )
}
