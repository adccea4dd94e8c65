// One provider + base URL's health: budget use, cooldown after a 429, and its circuit breaker.
import type { LlmError, LlmErrorCode } from '../../../shared/llm'
import type { NotSentReason } from '../../../shared/failover'
import type { EndpointHealth, HealthState } from '../../../shared/provider-health'
import type { FailoverSettings, RateLimits } from './rate-limits'
import { DEFAULT_FAILOVER_SETTINGS } from './rate-limits'
import type { LogEntry } from './request-log'
import { DAY_MS, HOUR_MS, MINUTE_MS, RequestLog } from './request-log'

/** Why a call may not go out now, and how long until it could (Infinity: not by waiting). */
export interface Refusal {
  reason: Extract<NotSentReason, 'budget' | 'cooldown' | 'circuit_open'>
  code: LlmErrorCode
  waitMs: number
  message: string
}

/** A request that went out; its outcome is reported with `succeeded` or `failed`. */
export interface Ticket {
  entry: LogEntry
  estimatedTokens: number
  /** Time spent waiting for a budget slot or the end of a cooldown before it went out. */
  queuedMs: number
}

/** Failures that say something about the endpoint's health (not the request's or the user's). */
const HEALTH_FAILURES: ReadonlySet<LlmErrorCode> = new Set([
  'unreachable',
  'timeout',
  'rate_limit',
  'provider',
])

const MAX_COOLDOWN_BACKOFF_MS = 60_000

export class EndpointState {
  limits: RateLimits = {}
  limitSources: string[] = []
  settings: FailoverSettings = DEFAULT_FAILOVER_SETTINGS
  /** Whether any budget applies (set with the limits); without one the budget check is skipped. */
  private hasLimits = false
  private readonly log = new RequestLog()
  private cooldownUntil = 0
  private rateLimitedInARow = 0
  private failures = 0
  private circuitOpen = false
  private circuitUntil = 0
  private trialRunning = false
  private lastError: EndpointHealth['lastError'] = null
  private lastSuccessAt: number | null = null

  constructor(
    readonly provider: string,
    readonly baseUrl: string | null,
  ) {}

  configure(limits: RateLimits, sources: string[], settings: FailoverSettings): void {
    this.limits = limits
    this.hasLimits = Object.values(limits).some((limit) => limit !== undefined)
    this.limitSources = sources
    this.settings = settings
  }

  /** Undefined when a call may go out now (no allocation then: this runs before every request). */
  check(now: number, tokens: number): Refusal | undefined {
    if (this.unlimitedAt(now)) return undefined
    const where = `${this.provider} at ${this.baseUrl ?? 'its default URL'}`
    if (this.circuitOpen && (now < this.circuitUntil || this.trialRunning)) {
      const code = (this.lastError?.code as LlmErrorCode | undefined) ?? 'unreachable'
      const message =
        now < this.circuitUntil
          ? `${where} failed ${this.failures} times in a row: its circuit is open until ${clock(this.circuitUntil)}, then one trial call goes through (Reset on the Providers screen to try now).`
          : `${where} is half-open: a trial call is under way.`
      return { reason: 'circuit_open', code, waitMs: Number.POSITIVE_INFINITY, message }
    }
    if (now < this.cooldownUntil) {
      const message = `${where} answered 429: cooling down until ${clock(this.cooldownUntil)}.`
      return { reason: 'cooldown', code: 'rate_limit', waitMs: this.cooldownUntil - now, message }
    }
    return this.checkBudget(now, tokens)
  }

  admit(now: number, tokens: number, queuedMs = 0): Ticket {
    if (this.circuitOpen) this.trialRunning = true
    return { entry: this.log.add(now, tokens), estimatedTokens: tokens, queuedMs }
  }

  /**
   * check + admit in one step for the common case (no budget, no cooldown, circuit closed): the
   * call's ticket, or undefined when `check` has something to say.
   */
  admitNow(now: number, tokens: number): Ticket | undefined {
    return this.unlimitedAt(now) ? this.admit(now, tokens) : undefined
  }

  /** No circuit open, no cooldown running and no budget to count: any call may go out at `now`. */
  private unlimitedAt(now: number): boolean {
    return !this.circuitOpen && now >= this.cooldownUntil && !this.hasLimits
  }

  succeeded(ticket: Ticket, now: number, tokens?: number): void {
    if (tokens !== undefined) ticket.entry.tokens += tokens - ticket.estimatedTokens
    this.failures = 0
    this.rateLimitedInARow = 0
    this.circuitOpen = false
    this.trialRunning = false
    this.cooldownUntil = 0
    this.lastSuccessAt = now
  }

  failed(now: number, error: LlmError): void {
    this.trialRunning = false
    if (error.code === 'aborted') return
    this.lastError = { code: error.code, message: error.message, at: new Date(now).toISOString() }
    if (!HEALTH_FAILURES.has(error.code)) return
    if (error.code === 'rate_limit') {
      this.rateLimitedInARow += 1
      const backoff = Math.min(MAX_COOLDOWN_BACKOFF_MS, 1000 * 2 ** (this.rateLimitedInARow - 1))
      this.cooldownUntil = now + (error.retryAfterMs ?? backoff)
    }
    this.failures += 1
    if (this.circuitOpen || this.failures >= this.settings.circuitThreshold) {
      this.circuitOpen = true
      this.circuitUntil = now + this.settings.circuitCooldownMs
    }
  }

  /** A call that ended without an outcome (its reader stopped early): a trial slot is free again. */
  release(): void {
    this.trialRunning = false
  }

  reset(): void {
    this.log.clear()
    this.cooldownUntil = 0
    this.rateLimitedInARow = 0
    this.failures = 0
    this.circuitOpen = false
    this.trialRunning = false
    this.lastError = null
  }

  view(now: number, role: EndpointHealth['role']): EndpointHealth {
    const { rpm, rph, rpd, tpm } = this.limits
    let state: HealthState = 'ok'
    let until: number | null = null
    if (this.circuitOpen) {
      state = now < this.circuitUntil ? 'circuit_open' : 'half_open'
      until = now < this.circuitUntil ? this.circuitUntil : null
    } else if (now < this.cooldownUntil) {
      state = 'cooldown'
      until = this.cooldownUntil
    }
    return {
      provider: this.provider,
      baseUrl: this.baseUrl,
      role,
      state,
      until: until === null ? null : new Date(until).toISOString(),
      consecutiveFailures: this.failures,
      circuitThreshold: this.settings.circuitThreshold,
      budget: {
        minute: { used: this.log.requestsWithin(now, MINUTE_MS), limit: rpm ?? null },
        hour: { used: this.log.requestsWithin(now, HOUR_MS), limit: rph ?? null },
        day: { used: this.log.requestsWithin(now, DAY_MS), limit: rpd ?? null },
        tokensMinute: { used: this.log.tokensWithin(now, MINUTE_MS), limit: tpm ?? null },
      },
      limitSources: this.limitSources,
      lastError: this.lastError,
      lastSuccessAt:
        this.lastSuccessAt === null ? null : new Date(this.lastSuccessAt).toISOString(),
    }
  }

  private checkBudget(now: number, tokens: number): Refusal | undefined {
    const windows = [
      ['rpm', this.limits.rpm, MINUTE_MS, 'requests per minute'],
      ['rph', this.limits.rph, HOUR_MS, 'requests per hour'],
      ['rpd', this.limits.rpd, DAY_MS, 'requests per day'],
    ] as const
    let worst: Refusal | undefined
    const consider = (waitMs: number, what: string) => {
      if (waitMs <= 0 || (worst && worst.waitMs >= waitMs)) return
      const next = Number.isFinite(waitMs) ? `next slot in ${formatWait(waitMs)}` : 'it never fits'
      const message = `budget: ${this.provider} at ${this.baseUrl ?? 'its default URL'} used its ${what}; ${next}.`
      worst = { reason: 'budget', code: 'rate_limit', waitMs, message }
    }
    for (const [, limit, windowMs, what] of windows) {
      if (limit !== undefined) {
        consider(
          this.log.waitFor(now, windowMs, limit, 1, (e) => e.requests),
          `${limit} ${what}`,
        )
      }
    }
    if (this.limits.tpm !== undefined) {
      const wait = this.log.waitFor(now, MINUTE_MS, this.limits.tpm, tokens, (e) => e.tokens)
      consider(wait, `${this.limits.tpm} tokens per minute`)
    }
    return worst
  }
}

function clock(at: number): string {
  return new Date(at).toISOString().slice(11, 19) + ' UTC'
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.ceil(ms)} ms`
}
