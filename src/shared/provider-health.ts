// What the Providers screen and `providers --json` show per provider + base URL: health and budget.

export type HealthState = 'ok' | 'cooldown' | 'circuit_open' | 'half_open'

/** Requests (or tokens) used in a rolling window against its limit (null = no limit). */
export interface BudgetUse {
  used: number
  limit: number | null
}

export interface EndpointHealth {
  provider: string
  /** The base URL this state belongs to (null: the SDK's default URL). */
  baseUrl: string | null
  /** `fallback` for Ollama's `llm.ollama.fallback_url`. */
  role: 'base' | 'fallback'
  state: HealthState
  /** ISO time the cooldown or open circuit ends. */
  until: string | null
  consecutiveFailures: number
  circuitThreshold: number
  budget: {
    minute: BudgetUse
    hour: BudgetUse
    day: BudgetUse
    tokensMinute: BudgetUse
  }
  /** Where each limit came from, e.g. `rpm 29 ← provider_registry.json: groq.default_rate_limit_rpm 30 − safety_margin_rpm 1`. */
  limitSources: string[]
  lastError: { code: string; message: string; at: string } | null
  lastSuccessAt: string | null
}
