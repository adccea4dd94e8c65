// How providers read "wait before retrying" hints: Retry-After, RetryInfo and rate-limit reset headers.
import { describe, expect, it } from 'vitest'
import {
  parseGoDuration,
  parseGoogleDuration,
  parseResetHeader,
  parseRetryAfter,
  retryAfterFromHeaders,
} from '../../../src/main/services/providers/retry-after'

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-15T10:00:00Z')

  it('reads delta-seconds, whole or fractional', () => {
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 10:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 15 Jan 2025 09:59:00 GMT', now)).toBe(0)
  })

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

describe('parseGoogleDuration', () => {
  it('reads protobuf Duration strings', () => {
    expect(parseGoogleDuration('2s')).toBe(2000)
    expect(parseGoogleDuration('41.250s')).toBe(41250)
  })

  it('gives undefined for anything else', () => {
    expect(parseGoogleDuration(undefined)).toBeUndefined()
    expect(parseGoogleDuration(2)).toBeUndefined()
    expect(parseGoogleDuration('2m')).toBeUndefined()
  })
})

describe('parseGoDuration (x-ratelimit-reset-* as OpenAI sends them)', () => {
  it('reads hours, minutes, seconds and milliseconds, combined', () => {
    expect(parseGoDuration('1s')).toBe(1000)
    expect(parseGoDuration('6m0s')).toBe(360_000)
    expect(parseGoDuration('20ms')).toBe(20)
    expect(parseGoDuration('1h2m3.5s')).toBe(3_723_500)
  })

  it('gives undefined for anything else', () => {
    expect(parseGoDuration('2')).toBeUndefined()
    expect(parseGoDuration('soon')).toBeUndefined()
    expect(parseGoDuration(undefined)).toBeUndefined()
  })
})

describe('parseResetHeader', () => {
  const now = Date.parse('2025-01-15T10:00:00Z')

  it('reads RFC 3339 times (Anthropic), Unix seconds and milliseconds (OpenRouter), and seconds', () => {
    expect(parseResetHeader('2025-01-15T10:00:30Z', now)).toBe(30_000)
    expect(parseResetHeader(String(now / 1000 + 4), now)).toBe(4000)
    expect(parseResetHeader(String(now + 2500), now)).toBe(2500)
    expect(parseResetHeader('7', now)).toBe(7000)
    expect(parseResetHeader('2025-01-15T09:00:00Z', now)).toBe(0)
  })
})

describe('retryAfterFromHeaders', () => {
  const now = Date.parse('2025-01-15T10:00:00Z')
  const read = (headers: Record<string, string>) => retryAfterFromHeaders(new Headers(headers), now)

  it('prefers retry-after-ms, then retry-after', () => {
    expect(read({ 'retry-after-ms': '250', 'retry-after': '3' })).toBe(250)
    expect(read({ 'retry-after': '3', 'x-ratelimit-reset-requests': '1m0s' })).toBe(3000)
  })

  it('otherwise waits for the exhausted limit, or the latest reset when none reads 0', () => {
    const openAi = {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '2s',
      'x-ratelimit-remaining-tokens': '100',
      'x-ratelimit-reset-tokens': '1m0s',
    }
    expect(read(openAi)).toBe(2000)
    expect(read({ ...openAi, 'x-ratelimit-remaining-requests': '1' })).toBe(60_000)
    expect(
      read({
        'anthropic-ratelimit-output-tokens-remaining': '0',
        'anthropic-ratelimit-output-tokens-reset': '2025-01-15T10:00:05Z',
      }),
    ).toBe(5000)
  })

  it('gives undefined without headers or hints', () => {
    expect(retryAfterFromHeaders(undefined, now)).toBeUndefined()
    expect(read({ 'content-type': 'application/json' })).toBeUndefined()
  })
})
