// What a reload should find again (the screen, the open conversation): kept in sessionStorage,
// which lives as long as the tab or window, and ignored when storage is not available.

const PREFIX = 'mindx-studio.'

export function remember(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(PREFIX + key)
    else sessionStorage.setItem(PREFIX + key, value)
  } catch {
    // Storage can be disabled or full; the app works without it.
  }
}

export function recall(key: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + key)
  } catch {
    return null
  }
}
