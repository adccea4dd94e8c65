// Serves the built renderer on app://mindx/ (a privileged custom scheme) with the CSP header.
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { contentTypeFor, resolveStaticPath } from './serve/static-files'
import { APP_SCHEME } from './navigation-policy'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function handleAppProtocol(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url)
    const path = resolveStaticPath(rendererDir, pathname === '/' ? '/index.html' : pathname)
    if (path === null) return new Response('Bad path', { status: 400 })
    const file = await net.fetch(pathToFileURL(path).toString()).catch(() => null)
    if (!file?.ok) return new Response('Not found', { status: 404 })
    const headers = new Headers(file.headers)
    headers.set('content-security-policy', csp)
    headers.set('content-type', contentTypeFor(path))
    headers.set('x-content-type-options', 'nosniff')
    return new Response(file.body, { status: 200, headers })
  })
}
