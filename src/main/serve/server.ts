// Serve mode's HTTP server on 127.0.0.1: the built renderer, POST /api/<channel>, SSE /api/events.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApiResult, AppErrorCode, AppErrorData } from '../../shared/contract'
import type { ApiDispatcher } from '../api/dispatch'
import type { AppEventBus } from '../api/event-bus'
import { contentSecurityPolicy } from '../csp'
import type { BodyLimits } from './request-body'
import { BodyBudget, DEFAULT_BODY_LIMITS, readRequestBody } from './request-body'
import { checkHostAndOrigin, checkToken } from './request-guard'
import { SseHub } from './sse-hub'
import { serveStaticFile } from './static-files'

export const SERVE_HOST = '127.0.0.1'

export interface ServeServerOptions {
  dispatch: ApiDispatcher
  events: AppEventBus
  token: string
  /** 0 picks a free port. */
  port: number
  /** The built renderer; without it only the API is served. */
  staticDir?: string
  /** Request body limits (tests shrink them); DEFAULT_BODY_LIMITS otherwise. */
  limits?: Partial<BodyLimits>
}

export interface RunningServeServer {
  port: number
  /** http://127.0.0.1:<port> */
  origin: string
  /** The address to open in a browser, token included. */
  openUrl: string
  close(): Promise<void>
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy({ connectSrc: ["'self'"] }),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

const STATUS_BY_CODE: Partial<Record<AppErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  workspace_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: ApiResult<unknown>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

function sendError(
  res: ServerResponse,
  status: number,
  error: AppErrorData,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { ok: false, error }, headers)
}

/** The body as JSON (empty body = no input); anything else is a contract error. */
function parseJsonBody(req: IncomingMessage, text: string): { value: unknown } | AppErrorData {
  if (text.trim() === '') return { value: undefined }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return { code: 'invalid_input', message: 'Send the input as application/json.' }
  }
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return { code: 'invalid_input', message: 'The request body is not valid JSON.' }
  }
}

export async function startServeServer(options: ServeServerOptions): Promise<RunningServeServer> {
  const sse = new SseHub()
  const limits = { ...DEFAULT_BODY_LIMITS, ...options.limits }
  const budget = new BodyBudget(limits.maxInFlightBodyBytes)
  const unsubscribe = options.events.subscribe((name, payload) => sse.broadcast(name, payload))
  let port = options.port

  const handleApi = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const auth = checkToken(req.headers, options.token)
    if (!auth.ok) return sendError(res, auth.status, auth.error)
    const channel = pathname.slice('/api/'.length)
    if (channel === 'events') {
      if (req.method !== 'GET') return sendError(res, 405, methodNotAllowed('GET'))
      return sse.add(res)
    }
    if (req.method !== 'POST') return sendError(res, 405, methodNotAllowed('POST'))
    const received = await readRequestBody(req, limits, budget)
    if (!received.ok) {
      discardRestOfBody(req, limits.bodyTimeoutMs)
      const headers = { ...received.headers, connection: 'close' }
      return sendError(res, received.status, received.error, headers)
    }
    try {
      const body = parseJsonBody(req, received.text)
      if (!('value' in body)) return sendError(res, 400, body)
      const result = await options.dispatch(channel, body.value)
      sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 422), result)
    } finally {
      budget.give(received.held)
    }
  }

  const server = createServer((req, res) => {
    const guard = checkHostAndOrigin(req.headers, port)
    if (!guard.ok) return sendError(res, guard.status, guard.error)
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const work = pathname.startsWith('/api/')
      ? handleApi(req, res, pathname)
      : options.staticDir
        ? serveStaticFile(req, res, {
            root: options.staticDir,
            pathname,
            headers: SECURITY_HEADERS,
          })
        : Promise.resolve(sendError(res, 404, { code: 'not_found', message: 'Not found.' }))
    work.catch(() => {
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Request failed.' })
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, SERVE_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://${SERVE_HOST}:${port}`

  return {
    port,
    origin,
    openUrl: `${origin}/?token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        sse.closeAll()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/**
 * After a refusal the rest of the body is read and thrown away (never buffered), so the client
 * finishes sending and reads the typed answer instead of a reset; past the deadline the
 * connection is cut (a trickling client gets no more time than the body limit gave it).
 */
function discardRestOfBody(req: IncomingMessage, deadlineMs: number): void {
  if (req.complete) return
  const timer = setTimeout(() => req.destroy(), deadlineMs)
  req.once('end', () => clearTimeout(timer))
  req.once('close', () => clearTimeout(timer))
  req.resume()
}

function methodNotAllowed(allowed: string): AppErrorData {
  return { code: 'invalid_input', message: `Use ${allowed} for this path.` }
}
