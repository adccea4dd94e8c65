// Reads a provider's client-side limits and the failover settings from the workspace, mindX's way.
import { basename } from 'node:path'
import type { WorkspaceConfig } from '../config/types'

/** Requests per minute / hour / rolling day and tokens per minute; absent = no limit. */
export interface RateLimits {
  rpm?: number
  rph?: number
  rpd?: number
  tpm?: number
}

export interface RateLimitsFound {
  limits: RateLimits
  /** One line per limit that applies, naming the file and key it came from. */
  sources: string[]
}

export interface FailoverSettings {
  /** Consecutive failures that open a circuit (`stuck_loop_detection.circuit_breaker_threshold`). */
  circuitThreshold: number
  circuitCooldownMs: number
  /** In a chain, a retry-after longer than this moves on instead of waiting. */
  rateLimitWaitMs: number
  /** On `auth` (a key set but refused): stop and say so, or move on. */
  onAuth: 'stop' | 'next'
}

export const DEFAULT_FAILOVER_SETTINGS: FailoverSettings = {
  circuitThreshold: 3,
  circuitCooldownMs: 30_000,
  rateLimitWaitMs: 10_000,
  onAuth: 'stop',
}

type Limit = keyof RateLimits

interface Found {
  value: number
  source: string
}

function positive(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/**
 * The tightest of every source wins: `rate_limit_profiles` (the provider's own profile, `ollama_local`
 * for Ollama, else `default_rpm` / `default_rph`), `provider_registry.json` (rpm less its
 * safety margin, tpm, `daily_request_cap`) and `models/<provider>.yaml` `rate_limits`.
 */
export function readRateLimits(ws: WorkspaceConfig, provider: string): RateLimitsFound {
  const found: Partial<Record<Limit, Found[]>> = {}
  const add = (limit: Limit, value: unknown, source: string) => {
    const n = positive(value)
    if (n !== undefined) (found[limit] ??= []).push({ value: Math.floor(n), source })
  }
  const factoryFile = basename(ws.factory.path)
  const profiles = record(ws.factory.data['rate_limit_profiles'])
  if (profiles) {
    const name = provider in profiles ? provider : `${provider}_local`
    const own = record(profiles[name])
    if (own) {
      add('rpm', own['rpm'], `${factoryFile}: rate_limit_profiles.${name}.rpm`)
      add('rph', own['rph'], `${factoryFile}: rate_limit_profiles.${name}.rph`)
    } else if (provider !== 'mock') {
      add('rpm', profiles['default_rpm'], `${factoryFile}: rate_limit_profiles.default_rpm`)
      add('rph', profiles['default_rph'], `${factoryFile}: rate_limit_profiles.default_rph`)
    }
  }
  const entry = ws.mindxProviders.get(provider)
  if (entry) {
    const file = basename(entry.file)
    const { requestsPerMinute: rpm, safetyMarginRpm: margin = 0 } = entry.limits
    if (rpm !== undefined) {
      const from = `${file}: ${provider}.default_rate_limit_rpm ${rpm}`
      add('rpm', Math.max(1, rpm - margin), margin ? `${from} − safety_margin_rpm ${margin}` : from)
    }
    add('rph', entry.limits.requestsPerHour, `${file}: ${provider}.default_rate_limit_rph`)
    add('rpd', entry.limits.requestsPerDay, `${file}: ${provider}.daily_request_cap`)
    add('tpm', entry.limits.tokensPerMinute, `${file}: ${provider}.default_rate_limit_tpm`)
  }
  for (const [limit, field] of [
    ['rpm', 'requests_per_minute'],
    ['rph', 'requests_per_hour'],
    ['rpd', 'requests_per_day'],
    ['tpm', 'tokens_per_minute'],
  ] as const) {
    const key = `llm.${provider}.rate_limits.${field}`
    const value = ws.global.get(key)
    if (value) add(limit, value.value, `${basename(value.origin)}: ${key}`)
  }
  const limits: RateLimits = {}
  const sources: string[] = []
  for (const limit of ['rpm', 'rph', 'rpd', 'tpm'] as const) {
    const options = found[limit]
    if (!options?.length) continue
    const tightest = options.reduce((a, b) => (b.value < a.value ? b : a))
    limits[limit] = tightest.value
    sources.push(`${limit} ${tightest.value} ← ${tightest.source}`)
  }
  return { limits, sources }
}

/** `stuck_loop_detection.circuit_breaker_threshold` (mindX) and the studio's own `failover` section. */
export function readFailoverSettings(ws: WorkspaceConfig): FailoverSettings {
  const stuck = record(ws.factory.data['stuck_loop_detection'])
  const own = record(ws.factory.data['failover'])
  const seconds = (value: unknown) => {
    const n = positive(value)
    return n === undefined ? undefined : n * 1000
  }
  return {
    circuitThreshold:
      positive(stuck?.['circuit_breaker_threshold']) ?? DEFAULT_FAILOVER_SETTINGS.circuitThreshold,
    circuitCooldownMs:
      seconds(own?.['circuit_cooldown_seconds']) ?? DEFAULT_FAILOVER_SETTINGS.circuitCooldownMs,
    rateLimitWaitMs:
      seconds(own?.['rate_limit_wait_seconds']) ?? DEFAULT_FAILOVER_SETTINGS.rateLimitWaitMs,
    onAuth: own?.['on_auth'] === 'next' ? 'next' : 'stop',
  }
}
