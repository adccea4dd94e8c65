// Turns a server's "wait before retrying" hints into milliseconds, once for every provider.

/**
 * HTTP `Retry-After`: delta-seconds ("2", "1.5") or an HTTP date.
 * Undefined when absent or unreadable, so callers fall back to their own backoff.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** A google.protobuf.Duration in its JSON form ("2s", "0.5s", "41.250s"), as in RetryInfo.retryDelay. */
export function parseGoogleDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim())
  return match ? Math.round(Number(match[1]) * 1000) : undefined
}

const DURATION_UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }

/** A Go-style duration as OpenAI-style `x-ratelimit-reset-*` headers send it ("1s", "6m0s", "20ms"). */
export function parseGoDuration(value: string | null | undefined): number | undefined {
  const text = value?.trim()
  if (!text || !/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text)) return undefined
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    total += Number(amount) * DURATION_UNITS_MS[unit!]!
  }
  return Math.round(total)
}

/**
 * One rate-limit reset header, in any form providers use: a Go duration (OpenAI, Groq), an RFC 3339
 * time (Anthropic), seconds to wait, or a Unix time in seconds or milliseconds (OpenRouter).
 */
export function parseResetHeader(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const duration = parseGoDuration(text)
  if (duration !== undefined) return duration
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text)
    if (number > 1e12) return Math.max(0, Math.round(number - now))
    if (number > 1e9) return Math.max(0, Math.round(number * 1000 - now))
    return Math.round(number * 1000)
  }
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Each limit a 429 may be about: the header telling how much is left, and the one telling when it resets. */
const RATE_LIMIT_HEADERS: readonly { remaining: string; reset: string }[] = [
  { remaining: 'x-ratelimit-remaining-requests', reset: 'x-ratelimit-reset-requests' },
  { remaining: 'x-ratelimit-remaining-tokens', reset: 'x-ratelimit-reset-tokens' },
  { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
  ...['requests', 'tokens', 'input-tokens', 'output-tokens'].map((limit) => ({
    remaining: `anthropic-ratelimit-${limit}-remaining`,
    reset: `anthropic-ratelimit-${limit}-reset`,
  })),
]

/**
 * How long a 429 (or 529) asks to wait: `retry-after-ms`, then `retry-after`, then the reset time of
 * the exhausted limit (the latest one when none reads 0). Undefined when the server gave no hint.
 */
export function retryAfterFromHeaders(
  headers: Headers | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined
  const milliseconds = headers.get('retry-after-ms')?.trim()
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.round(Number(milliseconds))
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now)
  if (retryAfter !== undefined) return retryAfter
  const resets = RATE_LIMIT_HEADERS.flatMap(({ remaining, reset }) => {
    const wait = parseResetHeader(headers.get(reset), now)
    return wait === undefined ? [] : [{ wait, exhausted: headers.get(remaining)?.trim() === '0' }]
  })
  const exhausted = resets.filter((reset) => reset.exhausted)
  const candidates = exhausted.length > 0 ? exhausted : resets
  return candidates.length > 0 ? Math.max(...candidates.map((reset) => reset.wait)) : undefined
}
