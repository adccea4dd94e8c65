// A protocol-faithful fake of Ollama's HTTP API (docs/api.md) on 127.0.0.1, programmable per test.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as wire from './ollama-models'
import type {
  ChatMessageOnWire,
  FakeModel,
  FakeModelSeed,
  FakeRunningModel,
  ReplyFn,
} from './ollama-models'

export type { FakeModel, FakeModelSeed, FakeRunningModel } from './ollama-models'
export { normalizeModelName } from './ollama-models'

export interface FakeOllamaOptions {
  port?: number
  /** Installed models (default: phi3:mini, llama3.2:1b). */
  models?: FakeModelSeed[]
  /** Names of installed models already loaded in memory. */
  running?: string[]
  /** Models `/api/pull` can fetch; installed models are always pullable. */
  registry?: FakeModelSeed[]
  version?: string
  /** With `format: "json"` the reply is broken JSON (for the factory's invalid_json checks). */
  invalidJson?: boolean
  /** The assistant's answer; default echoes the last user message. */
  reply?: ReplyFn
  /** Pause between streamed lines (benchmarks); 0 by default so tests never wait on a clock. */
  chunkDelayMs?: number
  /** Progress lines per pulled layer (default 4). */
  pullSteps?: number
}

export interface FailureRule {
  status: number
  /** JSON body (an object) or raw text; default `{error: "<Ollama's message>"}`. */
  body?: unknown
  headers?: Record<string, string>
  /** How many requests fail (default 1). */
  times?: number
  /** Only requests to this path fail (default any). */
  path?: string
}

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
  /** The client closed the connection before the response was complete. */
  closedEarly: boolean
  /** The fake itself destroyed the socket (dropMidStream). */
  droppedByServer: boolean
  /** Resolves once the response finished or the connection closed. */
  settled: Promise<void>
}

export type FakeOllama = Awaited<ReturnType<typeof startFakeOllama>>
type Route = (res: ServerResponse, body: unknown, record: RecordedRequest) => void | Promise<void>

function deferred() {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** The first of `keys` present in a JSON body (Ollama accepts `model` and the older `name`). */
function field(body: unknown, ...keys: string[]): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  for (const key of keys) if (key in body) return (body as Record<string, unknown>)[key]
  return undefined
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  if (res.destroyed) return
  const raw = typeof body === 'string'
  const type = raw ? 'text/plain' : 'application/json; charset=utf-8'
  res.writeHead(status, { 'content-type': type, ...headers }).end(raw ? body : JSON.stringify(body))
}

export async function startFakeOllama(options: FakeOllamaOptions = {}) {
  const state = {
    installed: (options.models ?? wire.DEFAULT_INSTALLED).map(wire.modelFromSeed),
    running: [] as FakeRunningModel[],
    registry: (options.registry ?? wire.DEFAULT_REGISTRY).map(wire.modelFromSeed),
    /** Pulls whose response is still open, and the most seen at once. */
    pullsInFlight: 0,
    peakPullsInFlight: 0,
  }
  const requests: RecordedRequest[] = []
  const failures: FailureRule[] = []
  let slowMs = 0
  let dropAfter: number | undefined
  let holdAfter: number | undefined
  let gate = deferred()
  let requestWaiters: (() => void)[] = []

  const find = (name: string) =>
    state.installed.find((m) => m.name === wire.normalizeModelName(name))
  const load = (model: FakeModel) => {
    if (state.running.some((r) => r.name === model.name)) return
    state.running.push({ name: model.name, sizeVram: model.size, expiresAt: wire.EXPIRES_AT })
  }
  for (const name of options.running ?? []) {
    const model = find(name)
    if (model) load(model)
  }

  const notFound = (res: ServerResponse, name: string, hint = '') =>
    sendJson(res, 404, { error: `model "${name}" not found${hint}` })

  /** Streams NDJSON lines, honouring hold/drop; returns false when the stream did not complete. */
  async function streamLines(res: ServerResponse, record: RecordedRequest, lines: object[]) {
    const drop = dropAfter
    dropAfter = undefined
    res.writeHead(200, { 'content-type': 'application/x-ndjson' })
    for (const [index, line] of lines.entries()) {
      if (res.destroyed) return false
      // Waiting for the flush makes "N lines reached the client, then the socket died" deterministic.
      await new Promise<void>((resolve) => res.write(JSON.stringify(line) + '\n', () => resolve()))
      const written = index + 1
      if (written === drop) {
        record.droppedByServer = true
        res.socket?.destroy()
        return false
      }
      if (written === holdAfter) await Promise.race([gate.promise, record.settled])
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs)
      else await new Promise<void>((resolve) => setImmediate(resolve))
    }
    if (res.destroyed) return false
    res.end()
    return true
  }

  const chat: Route = async (res, body, record) => {
    const name = field(body, 'model')
    if (typeof name !== 'string') return sendJson(res, 400, { error: 'model is required' })
    const model = find(name)
    if (!model) return notFound(res, name, ', try pulling it first')
    load(model)
    const messages = (field(body, 'messages') as ChatMessageOnWire[] | undefined) ?? []
    const format = field(body, 'format')
    const json = format !== undefined && format !== ''
    const answer = wire.chatAnswer(model.name, messages, { ...options, json })
    const done = wire.doneFields(model.name, answer.promptTokens, answer.deltas.length)
    const message = (content: string) => ({ role: 'assistant', content })
    // Ollama streams unless told `stream: false`.
    if (field(body, 'stream') === false) {
      return sendJson(res, 200, { ...done, message: message(answer.text) })
    }
    const created_at = done.created_at
    const deltas = answer.deltas.map((delta) => {
      return { model: model.name, created_at, message: message(delta), done: false }
    })
    await streamLines(res, record, [...deltas, { ...done, message: message('') }])
  }

  const generate: Route = (res, body) => {
    const name = text(field(body, 'model'))
    const model = find(name)
    if (!model) return notFound(res, name, ', try pulling it first')
    const keepAlive = field(body, 'keep_alive')
    const unload = keepAlive === 0 || keepAlive === '0' || keepAlive === '0s'
    if (unload) state.running = state.running.filter((r) => r.name !== model.name)
    else load(model)
    const prompt = text(field(body, 'prompt'))
    const response = prompt ? `You said: ${prompt}` : ''
    const done = wire.doneFields(model.name, wire.countWords(prompt), wire.countWords(response))
    sendJson(res, 200, { ...done, response, done_reason: unload ? 'unload' : 'stop' })
  }

  const pull: Route = async (res, body, record) => {
    const name = wire.normalizeModelName(text(field(body, 'model', 'name')))
    const model = state.registry.find((m) => m.name === name) ?? find(name)
    // Ollama answers 200 and reports an unknown name inside the stream.
    if (!model) return void (await streamLines(res, record, wire.UNKNOWN_PULL_LINES))
    state.pullsInFlight += 1
    state.peakPullsInFlight = Math.max(state.peakPullsInFlight, state.pullsInFlight)
    try {
      const complete = await streamLines(res, record, wire.pullLines(model, options.pullSteps ?? 4))
      if (complete && !find(name)) state.installed.push({ ...model, modifiedAt: wire.MODIFIED_AT })
    } finally {
      state.pullsInFlight -= 1
    }
  }

  const remove: Route = (res, body) => {
    const name = text(field(body, 'model', 'name'))
    const model = find(name)
    if (!model) return sendJson(res, 404, { error: `model '${name}' not found` })
    state.installed = state.installed.filter((m) => m !== model)
    state.running = state.running.filter((r) => r.name !== model.name)
    res.writeHead(200).end()
  }

  const show: Route = (res, body) => {
    const name = text(field(body, 'model', 'name'))
    const model = find(name)
    if (!model) return sendJson(res, 404, { error: `model '${name}' not found` })
    sendJson(res, 200, wire.showBody(model))
  }

  const listRunning: Route = (res) => {
    const models = state.running.flatMap((r) => {
      const model = find(r.name)
      return model ? [wire.psEntry(model, r)] : []
    })
    sendJson(res, 200, { models })
  }

  const routes: Record<string, Route> = {
    'GET /api/version': (res) => sendJson(res, 200, { version: options.version ?? '0.9.0' }),
    'GET /api/tags': (res) => sendJson(res, 200, { models: state.installed.map(wire.tagsEntry) }),
    'GET /api/ps': listRunning,
    'POST /api/show': show,
    'POST /api/chat': chat,
    'POST /api/generate': generate,
    'POST /api/pull': pull,
    'DELETE /api/delete': remove,
  }

  function takeFailure(path: string, body: unknown): FailureRule | undefined {
    const index = failures.findIndex((rule) => !rule.path || rule.path === path)
    const rule = failures[index]
    if (!rule) return undefined
    rule.times = (rule.times ?? 1) - 1
    if (rule.times <= 0) failures.splice(index, 1)
    const model = text(field(body, 'model')) || 'unknown'
    const standard =
      rule.status === 404 ? `model "${model}" not found` : wire.STANDARD_ERRORS[rule.status]
    return { ...rule, body: rule.body ?? { error: standard ?? 'error' } }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const settled = deferred()
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body: await readBody(req),
      closedEarly: false,
      droppedByServer: false,
      settled: settled.promise,
    }
    res.once('close', () => {
      record.closedEarly = !res.writableFinished && !record.droppedByServer
      settled.resolve()
    })
    requests.push(record)
    const waiters = requestWaiters
    requestWaiters = []
    for (const wake of waiters) wake()
    // A client that gives up while we dawdle ends the wait, so no timer outlives the test.
    if (slowMs > 0) await Promise.race([sleep(slowMs), settled.promise])
    if (res.destroyed) return
    const failure = takeFailure(path, record.body)
    if (failure) return sendJson(res, failure.status, failure.body, failure.headers)
    const route = routes[`${record.method} ${path}`]
    if (!route) return sendJson(res, 404, '404 page not found')
    await route(res, record.body, record)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const requestsTo = (path: string) => requests.filter((r) => r.path === path)

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    requests,
    /** Requests to one path, in arrival order. */
    requestsTo,
    /** Resolves once `count` requests to `path` have arrived (no clocks involved). */
    async waitForRequests(path: string, count = 1): Promise<RecordedRequest[]> {
      while (requestsTo(path).length < count) {
        await new Promise<void>((resolve) => requestWaiters.push(resolve))
      }
      return requestsTo(path)
    },
    /** The next matching request(s) answer with this status, body and headers. */
    fail(next: FailureRule): void {
      failures.push({ ...next })
    },
    /** Waits `ms` before the first byte of every later response (0 turns it off). */
    slow(ms: number): void {
      slowMs = ms
    },
    /** The next streamed response writes `afterChunks` lines, then the socket is destroyed. */
    dropMidStream(afterChunks: number): void {
      dropAfter = afterChunks
    },
    /** Streams (chat and pull) pause after `afterChunks` lines until `release()`. */
    hold(afterChunks: number): void {
      holdAfter = afterChunks
    },
    release(): void {
      holdAfter = undefined
      gate.resolve()
      gate = deferred()
    },
    async close(): Promise<void> {
      holdAfter = undefined
      gate.resolve()
      // Keep-alive sockets (and held streams) would otherwise keep close() waiting.
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
