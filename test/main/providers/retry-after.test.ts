// How providers read "wait before retrying" hints: HTTP Retry-After and Google's RetryInfo durations.
import { describe, expect, it } from 'vitest'
import {
  parseGoogleDuration,
  parseRetryAfter,
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
