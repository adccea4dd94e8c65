// The route an answer took: `groq · rate limited (0.8 s) → gemini · unreachable (3 ms) → ollama ✓`.
import type { CallAttempt } from '../../../shared/failover'
import { formatRoute } from '../../../shared/failover'

export interface RouteLineProps {
  attempts?: readonly CallAttempt[]
  /** Who answered; absent when no entry did. */
  answered?: { provider: string; baseUrl?: string | null } | null
}

export function RouteLine({ attempts, answered }: RouteLineProps) {
  if (!attempts || attempts.length === 0) return null
  return (
    <p
      className="route-line"
      aria-label="Route"
      title={attempts.map((a) => `${a.provider}: ${a.message}`).join('\n')}
    >
      <span className="route-label">Route</span> {formatRoute(attempts, answered)}
    </p>
  )
}
