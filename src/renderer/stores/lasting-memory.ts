// What should outlive a reload and a restart (Compare's columns and answers): kept in localStorage,
// never with a key in it, and ignored when storage is not available or full.

const PREFIX = 'mindx-studio.'

export function keep(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key)
    else localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage can be disabled or full; the app works without it.
  }
}

/** The parsed JSON kept under `key`, or null (nothing kept, unreadable, storage disabled). */
export function kept(key: string): unknown {
  try {
    const text = localStorage.getItem(PREFIX + key)
    return text === null ? null : (JSON.parse(text) as unknown)
  } catch {
    return null
  }
}
