// Serves the built renderer (out/renderer) with its security headers; unknown paths get index.html.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
}

async function fileAt(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Maps a URL path into `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const path = normalize(join(root, decoded))
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null
}

export async function serveStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  options: { root: string; pathname: string; headers: Record<string, string> },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', ...options.headers }).end()
    return
  }
  const requested = resolveStaticPath(options.root, options.pathname)
  if (requested === null) {
    res.writeHead(400, options.headers).end('Bad path')
    return
  }
  let path = requested
  if (!(await fileAt(path))) {
    // Client-side routes fall back to the app; missing assets (with an extension) are 404s.
    if (extname(options.pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...options.headers })
      res.end('Not found')
      return
    }
    path = join(options.root, 'index.html')
  }
  const isHtml = extname(path) === '.html'
  res.writeHead(200, {
    'content-type': contentTypeFor(path),
    'cache-control': isHtml ? 'no-store' : 'public, max-age=3600',
    ...options.headers,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res)
}
