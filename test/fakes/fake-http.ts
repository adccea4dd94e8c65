// The plumbing every fake provider server shares: start/stop, request log, fault queue, delays, streamed writes.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown
  /** The client closed the connection before the response was complete. */
  closedEarly: boolean
  /** The fake itself destroyed the socket (dropMidStream, dropBeforeHeaders). */
  droppedByServer: boolean
  /** Resolves once the response finished or the connection closed. */
  settled: Promise<void>
}

export interface Fault {
  status: number
  /** JSON body (object) or raw text; default: the provider's own error body for that status. */
  body?: unknown
  headers?: Record<string, string>
  /** How many requests fail (default 1). */
  times?: number
  /** Only requests to this path fail (default: any path). */
  path?: string
}

/** What a provider fake's route handler gets for one request. */
export interface FakeExchange {
  request: RecordedRequest
  url: URL
  res: ServerResponse
  json(status: number, body: unknown, headers?: Record<string, string>): void
  /**
   * Writes each chunk as it comes, honouring dropMidStream/stallMidStream/hold; resolves true when
   * every chunk went out and the response ended, false when the stream was cut.
   */
  stream(headers: Record<string, string>, chunks: Iterable<string>): Promise<boolean>
}

export interface FakeHttpOptions {
  port?: number
  /** Answers one request; what it resolves with is ignored. */
  route: (exchange: FakeExchange) => void | Promise<unknown>
  /** The provider-shaped error body used by faults that bring none. */
  errorBody: (status: number, request: RecordedRequest) => unknown
  /** The provider-shaped 500 body when the fake itself throws (default `{error: {message}}`). */
  crashBody?: (message: string) => unknown
  /** Pause after each streamed chunk (benchmarks); by default the fake only yields to the event loop. */
  chunkDelayMs?: number
}

export interface FakeHttpServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string
  port: number
  requests: RecordedRequest[]
  /** Requests to one path, in arrival order. */
  requestsTo(path: string): RecordedRequest[]
  /** Resolves once `count` requests to `path` have arrived (no clocks involved). */
  waitForRequests(path: string, count?: number): Promise<RecordedRequest[]>
  /** Queue a failure for the next request(s). */
  fail(fault: Fault): void
  /** Wait this long before the first byte of every response (0 turns it off). */
  slow(ms: number): void
  /** The next streamed response sends `afterChunks` chunks, then the socket is destroyed. */
  dropMidStream(afterChunks: number): void
  /** The next request(s) get no answer at all: the socket is destroyed before any header is sent. */
  dropBeforeHeaders(times?: number): void
  /** The next streamed response sends `afterChunks` chunks, then waits until the client goes away. */
  stallMidStream(afterChunks: number): void
  /** Every streamed response pauses after `afterChunks` chunks until `release()` (or the client goes). */
  hold(afterChunks: number): void
  /** Requests to `path` get no answer (not even headers) until `release()` or the client goes. */
  hang(path: string): void
  /** Lets held streams and hung requests go on and stops holding new ones. */
  release(): void
  /** Forget faults, delays, holds and the request log. */
  reset(): void
  close(): Promise<void>
}

interface Deferred {
  promise: Promise<void>
  resolve: () => void
}

function deferred(): Deferred {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = []
  for await (const part of req) parts.push(part as Buffer)
  const text = Buffer.concat(parts).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Sleeps, but gives up as soon as the client has gone (a slow fake must not outlive an abort). */
function pause(ms: number, closed: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))
  return Promise.race([elapsed, closed]).finally(() => clearTimeout(timer))
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function writeChunk(res: ServerResponse, chunk: string): Promise<void> {
  // Waiting for the flush makes "N chunks reached the client, then the socket died" deterministic.
  return new Promise((resolve) => res.write(chunk, () => resolve()))
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const contentType = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8'
  res.writeHead(status, { 'content-type': contentType, ...headers })
  res.end(text)
}

const defaultCrashBody = (message: string) => ({ error: { message } })

export async function startFakeHttp(options: FakeHttpOptions): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = []
  let faults: (Fault & { times: number })[] = []
  let slowMs = 0
  let cut: { afterChunks: number; how: 'drop' | 'stall' } | undefined
  let dropsBeforeHeaders = 0
  let holdAfter: number | undefined
  const hungPaths = new Set<string>()
  let gate = deferred()
  let arrivalWaiters: (() => void)[] = []

  function takeFault(path: string): Fault | undefined {
    const index = faults.findIndex((fault) => !fault.path || fault.path === path)
    const fault = faults[index]
    if (!fault) return undefined
    fault.times -= 1
    if (fault.times <= 0) faults.splice(index, 1)
    return fault
  }

  function releaseHolds(): void {
    holdAfter = undefined
    hungPaths.clear()
    gate.resolve()
    gate = deferred()
  }

  function logArrival(record: RecordedRequest): void {
    requests.push(record)
    const waiters = arrivalWaiters
    arrivalWaiters = []
    for (const wake of waiters) wake()
  }

  async function stream(
    res: ServerResponse,
    record: RecordedRequest,
    closed: Promise<void>,
    headers: Record<string, string>,
    chunks: Iterable<string>,
  ): Promise<boolean> {
    const plan = cut
    cut = undefined
    res.writeHead(200, headers)
    let written = 0
    for (const chunk of chunks) {
      if (plan && written === plan.afterChunks) {
        if (plan.how === 'stall') await closed
        else if (!res.destroyed) {
          record.droppedByServer = true
          res.socket?.destroy()
        }
        return false
      }
      if (written === holdAfter) await Promise.race([gate.promise, closed])
      if (res.destroyed) return false
      await writeChunk(res, chunk)
      written += 1
      await (options.chunkDelayMs ? pause(options.chunkDelayMs, closed) : nextTurn())
    }
    if (res.destroyed) return false
    res.end()
    return true
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const settled = deferred()
    const closed = new Promise<void>((resolve) => res.once('close', resolve))
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      closedEarly: false,
      droppedByServer: false,
      settled: settled.promise,
    }
    res.once('close', () => {
      record.closedEarly = !res.writableFinished && !record.droppedByServer
      settled.resolve()
    })
    record.body = await readBody(req)
    // Logged once the body is in, so whoever waitForRequests() wakes can read it.
    logArrival(record)

    if (slowMs > 0) await pause(slowMs, closed)
    if (hungPaths.has(url.pathname)) await Promise.race([gate.promise, closed])
    if (res.destroyed) return
    if (dropsBeforeHeaders > 0) {
      dropsBeforeHeaders -= 1
      record.droppedByServer = true
      res.socket?.destroy()
      return
    }
    const fault = takeFault(url.pathname)
    if (fault) {
      const body = fault.body ?? options.errorBody(fault.status, record)
      return sendJson(res, fault.status, body, fault.headers)
    }
    await options.route({
      request: record,
      url,
      res,
      json: (status, body, headers) => sendJson(res, status, body, headers),
      stream: (headers, chunks) => stream(res, record, closed, headers, chunks),
    })
  }

  const crashBody = options.crashBody ?? defaultCrashBody
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, crashBody(String(error)))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const requestsTo = (path: string) => requests.filter((request) => request.path === path)

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    requestsTo,
    async waitForRequests(path, count = 1) {
      while (requestsTo(path).length < count) {
        await new Promise<void>((resolve) => arrivalWaiters.push(resolve))
      }
      return requestsTo(path)
    },
    fail(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 })
    },
    slow(ms) {
      slowMs = ms
    },
    dropMidStream(afterChunks) {
      cut = { afterChunks, how: 'drop' }
    },
    dropBeforeHeaders(times = 1) {
      dropsBeforeHeaders = times
    },
    stallMidStream(afterChunks) {
      cut = { afterChunks, how: 'stall' }
    },
    hold(afterChunks) {
      holdAfter = afterChunks
    },
    hang(path) {
      hungPaths.add(path)
    },
    release: releaseHolds,
    reset() {
      faults = []
      slowMs = 0
      cut = undefined
      dropsBeforeHeaders = 0
      releaseHolds()
      requests.length = 0
    },
    close() {
      releaseHolds()
      // Keep-alive sockets (and stalled or held streams) would otherwise keep close() waiting forever.
      server.closeAllConnections()
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
