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
