// The Content-Security-Policy every transport sends with the renderer (session header or HTTP header).

export interface CspOptions {
  /** Where the renderer may connect: `'none'` over IPC, `'self'` in serve mode. */
  connectSrc: readonly string[]
  /** The Vite dev server (HMR needs its inline preamble and a websocket); never in a build. */
  devServerUrl?: string
}

export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined
  const devSocket = dev ? `ws://${dev.host}` : undefined
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // React refresh's preamble is inline in dev only; a build runs no inline script at all.
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev.origin] : ["'self'"],
    // Editors (CodeMirror) and Vite's dev CSS inject <style> elements at run time; style cannot run code.
    'style-src': ["'self'", "'unsafe-inline'", ...(dev ? [dev.origin] : [])],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", dev.origin, devSocket ?? ''] : [...options.connectSrc],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.filter(Boolean).join(' ')}`)
    .join('; ')
}
