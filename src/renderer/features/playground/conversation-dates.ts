// When a conversation was last used, in words: a group (Today, Yesterday, Earlier) and a short date.

export type DayGroup = 'Today' | 'Yesterday' | 'Earlier'
export const DAY_GROUPS: readonly DayGroup[] = ['Today', 'Yesterday', 'Earlier']

// Fixed formats (the app's text is English): 14:05, 3 Dec, 3 Dec 2025.
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})
const FULL = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'medium' })

function parse(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Whole local calendar days from `date` to `now` (0 today, 1 yesterday; negative ahead). */
function daysAgo(date: Date, now: Date): number {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  return Math.round((startOf(now) - startOf(date)) / 86_400_000)
}

/** Local days: a conversation from 23:50 yesterday is Yesterday at 00:10 today. */
export function dayGroupOf(iso: string, now: Date = new Date()): DayGroup {
  const date = parse(iso)
  if (!date) return 'Earlier'
  const days = daysAgo(date, now)
  if (days <= 0) return 'Today'
  return days === 1 ? 'Yesterday' : 'Earlier'
}

/** 14:05 for today and yesterday (the group says which), else 3 Dec (3 Dec 2025 another year). */
export function shortDate(iso: string, now: Date = new Date()): string {
  const date = parse(iso)
  if (!date) return ''
  if (dayGroupOf(iso, now) !== 'Earlier') return TIME.format(date)
  return (date.getFullYear() === now.getFullYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(date)
}

/** Thursday 3 December 2026 at 14:05:09, for the tooltip. */
export function fullDate(iso: string): string {
  const date = parse(iso)
  return date ? FULL.format(date) : 'unknown time'
}

/** Items in their day groups, in the order given (the list comes sorted, last used first). */
export function groupByDay<T>(
  items: readonly T[],
  whenOf: (item: T) => string,
  now: Date = new Date(),
): { group: DayGroup; items: T[] }[] {
  const groups = new Map<DayGroup, T[]>()
  for (const item of items) {
    const group = dayGroupOf(whenOf(item), now)
    const members = groups.get(group)
    if (members) members.push(item)
    else groups.set(group, [item])
  }
  return DAY_GROUPS.filter((g) => groups.has(g)).map((group) => ({
    group,
    items: groups.get(group)!,
  }))
}
