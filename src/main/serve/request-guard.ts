// Serve mode's gatekeeping: only 127.0.0.1/localhost Host and Origin (403), and the token (401).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { AppErrorData } from '../../shared/contract'

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; error: AppErrorData }

const LOCAL_HOST = /^(?:127\.0\.0\.1|localhost)(?::(\d{1,5}))?$/i

/** `127.0.0.1:<port>` or `localhost:<port>`, nothing else (no userinfo, no other name). */
function isLocalHost(host: string, port: number): boolean {
  const match = LOCAL_HOST.exec(host)
  return match !== null && Number(match[1] ?? 80) === port
}

function isLocalOrigin(origin: string, port: number): boolean {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && url.origin === origin && isLocalHost(url.host, port)
  } catch {
    return false
  }
}

const forbidden = (message: string): GuardVerdict => ({
  ok: false,
  status: 403,
  error: { code: 'forbidden', message },
})

/** Blocks DNS rebinding (foreign Host) and cross-site requests (foreign Origin). */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): GuardVerdict {
  const host = headers.host
  if (!host || !isLocalHost(host, port)) {
    return forbidden('This server only answers requests addressed to 127.0.0.1 or localhost.')
  }
  const origin = headers.origin
  if (origin !== undefined && !isLocalOrigin(origin, port)) {
    return forbidden('Requests from other sites are not allowed.')
  }
  return { ok: true }
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Expects `Authorization: Bearer <token>`; compares in constant time. */
export function checkToken(headers: IncomingHttpHeaders, token: string): GuardVerdict {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')
  if (match?.[1] && timingSafeEqual(digest(match[1]), digest(token))) return { ok: true }
  return {
    ok: false,
    status: 401,
    error: {
      code: 'unauthorized',
      message: 'Missing or wrong token. Open the URL serve mode printed (it carries ?token=…).',
    },
  }
}
