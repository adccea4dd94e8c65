// Keyboard helpers for the shell: Ctrl/Cmd+digit screen shortcuts and their labels.

export function isMacPlatform(nav: Pick<Navigator, 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.userAgent)
}

/** The 0-based screen index for Ctrl+1…9 (Cmd on macOS), or null for any other key. */
export function screenShortcutIndex(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac: boolean,
): number | null {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!modifier || event.altKey || event.shiftKey) return null
  return /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : null
}

/** `Control+1` / `Meta+1`, the aria-keyshortcuts syntax. */
export function ariaShortcut(index: number, mac: boolean): string {
  return `${mac ? 'Meta' : 'Control'}+${index + 1}`
}

/** `Ctrl 1` / `⌘1`, what the sidebar shows. */
export function shortcutHint(index: number, mac: boolean): string {
  return mac ? `⌘${index + 1}` : `Ctrl ${index + 1}`
}
