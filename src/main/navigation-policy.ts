// Which URLs the window may show (only the app) and which links may open outside (http/https only).

/** The origin the packaged renderer is served from (a privileged custom scheme, not file://). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://mindx`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for the app's own pages: app://mindx/… or, in development, the Vite dev server. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'mindx') return true
  const dev = devServerUrl ? parse(devServerUrl) : null
  return dev !== null && parsed.origin === dev.origin
}

/** Links that may be handed to the OS browser: http(s) only, never file:, javascript:, custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
}
