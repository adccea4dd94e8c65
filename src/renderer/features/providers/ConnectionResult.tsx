// What a Test connection said: success with latency, or the typed error and the next step.
import { useState } from 'react'
import type { ConnectionTestResult } from '../../../shared/studio-config'

const CODE_TITLES: Record<string, string> = {
  auth: 'Key rejected',
  unreachable: 'Not reachable',
  rate_limit: 'Rate limited',
  model_not_found: 'Model not found',
  timeout: 'Timed out',
  bad_request: 'Request refused',
}

export interface ConnectionResultProps {
  result: ConnectionTestResult
  /** Offered when the server does not list the configured model. */
  onPickModel: (model: string) => void
}

export function ConnectionResult({ result, onPickModel }: ConnectionResultProps) {
  const [picked, setPicked] = useState('')
  if (!result.ok) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          <strong>{CODE_TITLES[result.code] ?? 'Failed'}</strong> ({result.code}): {result.message}
        </p>
        <p>{result.nextStep}</p>
      </div>
    )
  }
  const count = `${result.models.length} model${result.models.length === 1 ? '' : 's'}`
  return (
    <div className={`notice ${result.modelListed ? 'notice-ok' : 'notice-warn'}`} role="status">
      <p>
        <strong>Connected</strong> in {result.latencyMs} ms — the server lists {count}.
      </p>
      {!result.modelListed && result.models.length > 0 && (
        <p className="actions">
          <span>
            <code>{result.model}</code> is not among them. Pick one:
          </span>
          <select
            className="select"
            aria-label="Model from the server"
            value={picked}
            onChange={(event) => setPicked(event.target.value)}
          >
            <option value="">Choose…</option>
            {result.models.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            disabled={picked === ''}
            onClick={() => onPickModel(picked)}
          >
            Use this model
          </button>
        </p>
      )}
    </div>
  )
}
