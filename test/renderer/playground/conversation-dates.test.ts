// Last-use dates in the conversation list: local day groups, short dates, the full one for tooltips.
import { describe, expect, it } from 'vitest'
import {
  dayGroupOf,
  fullDate,
  groupByDay,
  shortDate,
} from '../../../src/renderer/features/playground/conversation-dates'

// Local times, so the test reads the same in any time zone.
const now = new Date(2026, 11, 3, 14, 30)
const at = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString()

describe('day groups', () => {
  it('Today, Yesterday (by the calendar, not 24 hours), Earlier', () => {
    expect(dayGroupOf(at(2026, 11, 3, 0, 5), now)).toBe('Today')
    expect(dayGroupOf(at(2026, 11, 2, 23, 55), now)).toBe('Yesterday')
    expect(dayGroupOf(at(2026, 11, 2, 0, 1), now)).toBe('Yesterday')
    expect(dayGroupOf(at(2026, 11, 1, 23, 59), now)).toBe('Earlier')
    // A clock a little ahead elsewhere is still today; nonsense is Earlier, not a crash.
    expect(dayGroupOf(at(2026, 11, 4, 1, 0), now)).toBe('Today')
    expect(dayGroupOf('not a date', now)).toBe('Earlier')
  })

  it('keep the order they are given, groups in day order', () => {
    const items = [at(2026, 11, 3, 9, 0), at(2026, 10, 1, 9, 0), at(2026, 11, 2, 9, 0)]
    expect(groupByDay(items, (i) => i, now)).toEqual([
      { group: 'Today', items: [items[0]] },
      { group: 'Yesterday', items: [items[2]] },
      { group: 'Earlier', items: [items[1]] },
    ])
  })
})

describe('short dates', () => {
  it('a time today and yesterday, a day and month before, the year when it is another', () => {
    expect(shortDate(at(2026, 11, 3, 14, 5), now)).toBe('14:05')
    expect(shortDate(at(2026, 11, 2, 9, 7), now)).toBe('09:07')
    expect(shortDate(at(2026, 10, 28, 9, 7), now)).toBe('28 Nov')
    expect(shortDate(at(2025, 11, 3, 9, 7), now)).toBe('3 Dec 2025')
    expect(shortDate('garbage', now)).toBe('')
  })

  it('the tooltip has the weekday, the full date and the time to the second', () => {
    expect(fullDate(at(2026, 11, 3, 14, 5))).toMatch(/^Thursday,? 3 December 2026 at 14:05:00$/)
    expect(fullDate('garbage')).toBe('unknown time')
  })
})
