// Client-side resilience: rate budgets, cooldowns after 429, circuit breakers (one registry per process).
export type { Refusal, Ticket } from './endpoint-state'
export { EndpointState } from './endpoint-state'
export type { FailoverSettings, RateLimits, RateLimitsFound } from './rate-limits'
export { DEFAULT_FAILOVER_SETTINGS, readFailoverSettings, readRateLimits } from './rate-limits'
export type { Clock } from './registry'
export { ResilienceRegistry, SYSTEM_CLOCK } from './registry'
