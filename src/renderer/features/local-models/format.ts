// How Local models shows sizes, speeds and times (decimal units, as Ollama prints them).

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB']

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  // One decimal only where it carries information: 4.6 GB, but 65 MB and 325 MB.
  const digits = unit === 0 || value >= 10 ? 0 : 1
  return `${value.toFixed(digits)} ${UNITS[unit]}`
}

export function formatSpeed(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatBytes(bytesPerSecond)}/s` : ''
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** "in 4 min", "in 2 h", or the date for far-off expiries (Ollama's "forever" is year 2318). */
export function formatExpiry(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '—'
  const ms = new Date(iso).getTime() - now
  if (Number.isNaN(ms)) return iso
  if (ms <= 0) return 'expiring now'
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return 'in under a minute'
  if (minutes < 60) return `in ${minutes} min`
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} h`
  return `until ${formatDate(iso)}`
}

/** A pull's percentage, or null while the size is not known yet. */
export function pullPercent(completed: number, total: number): number | null {
  if (total <= 0) return null
  return Math.min(100, Math.round((completed / total) * 100))
}
