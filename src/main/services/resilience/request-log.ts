// Requests and tokens sent to one endpoint over the last day, counted in rolling windows.

export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** Requests within one second share an entry, so a day holds at most 86 400 of them. */
const SLOT_MS = 1000

export interface LogEntry {
  at: number
  requests: number
  tokens: number
}

export class RequestLog {
  private entries: LogEntry[] = []

  /** Counts one request (with its estimated tokens) at `now`; returns the entry to correct later. */
  add(now: number, tokens: number): LogEntry {
    const { entries } = this
    if (entries.length > 0 && entries[0]!.at <= now - DAY_MS) this.prune(now)
    const last = this.entries[this.entries.length - 1]
    if (last !== undefined && now - last.at < SLOT_MS) {
      last.requests += 1
      last.tokens += tokens
      return last
    }
    const entry = { at: now, requests: 1, tokens }
    this.entries.push(entry)
    return entry
  }

  requestsWithin(now: number, windowMs: number): number {
    let sum = 0
    for (let i = this.entries.length - 1; i >= 0 && this.entries[i]!.at > now - windowMs; i--) {
      sum += this.entries[i]!.requests
    }
    return sum
  }

  tokensWithin(now: number, windowMs: number): number {
    let sum = 0
    for (let i = this.entries.length - 1; i >= 0 && this.entries[i]!.at > now - windowMs; i--) {
      sum += this.entries[i]!.tokens
    }
    return sum
  }

  /**
   * How long until `amount` more fits under `limit` in the window, counting `pick` (requests or
   * tokens); 0 when it fits now.
   */
  waitFor(
    now: number,
    windowMs: number,
    limit: number,
    amount: number,
    pick: (e: LogEntry) => number,
  ): number {
    const inWindow = this.entries.filter((e) => e.at > now - windowMs)
    let excess = inWindow.reduce((sum, e) => sum + pick(e), 0) + amount - limit
    if (excess <= 0) return 0
    for (const entry of inWindow) {
      excess -= pick(entry)
      if (excess <= 0) return entry.at + windowMs - now
    }
    // More than the limit on its own (a prompt bigger than tpm): it never fits.
    return Number.POSITIVE_INFINITY
  }

  clear(): void {
    this.entries = []
  }

  private prune(now: number): void {
    let drop = 0
    while (drop < this.entries.length && this.entries[drop]!.at <= now - DAY_MS) drop++
    if (drop > 0) this.entries = this.entries.slice(drop)
  }
}
