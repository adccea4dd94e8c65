// A protocol-faithful fake of Ollama's HTTP API (docs/api.md) on 127.0.0.1, programmable per test;
// with `apiKey` it plays Ollama Cloud (https://ollama.com), which wants a bearer token.
import { startFakeHttp, type FakeExchange, type RecordedRequest } from './fake-http'
import * as wire from './ollama-models'
import type { ChatMessageOnWire, FakeModel, FakeModelSeed, FakeRunningModel } from './ollama-models'

export type { FakeModel, FakeModelSeed, FakeRunningModel } from './ollama-models'
export { normalizeModelName } from './ollama-models'
export type { Fault as FailureRule, RecordedRequest } from './fake-http'

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
  reply?: wire.ReplyFn
  /** Pause between streamed lines (benchmarks); 0 by default so tests never wait on a clock. */
  chunkDelayMs?: number
  /** Progress lines per pulled layer (default 4). */
  pullSteps?: number
  /** Ollama Cloud mode: every request needs `Authorization: Bearer <apiKey>`, else 401. */
  apiKey?: string
}

export type FakeOllama = Awaited<ReturnType<typeof startFakeOllama>>
type Route = (exchange: FakeExchange) => void | Promise<void>

/** The first of `keys` present in a JSON body (Ollama accepts `model` and the older `name`). */
function field(body: unknown, ...keys: string[]): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  for (const key of keys) if (key in body) return (body as Record<string, unknown>)[key]
  return undefined
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Ollama's `{error}` body for a status a test fails on purpose. */
function errorBody(status: number, request: RecordedRequest): unknown {
  const model = text(field(request.body, 'model')) || 'unknown'
  const standard = status === 404 ? `model "${model}" not found` : wire.STANDARD_ERRORS[status]
  return { error: standard ?? 'error' }
}

/** Streams objects as NDJSON lines; resolves false when the stream was cut. */
function streamLines(exchange: FakeExchange, lines: object[]): Promise<boolean> {
  const ndjson = lines.map((line) => JSON.stringify(line) + '\n')
  return exchange.stream({ 'content-type': 'application/x-ndjson' }, ndjson)
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

  const notFound = (exchange: FakeExchange, name: string, hint = '') =>
    exchange.json(404, { error: `model "${name}" not found${hint}` })

  const chat: Route = async (exchange) => {
    const body = exchange.request.body
    const name = field(body, 'model')
    if (typeof name !== 'string') return exchange.json(400, { error: 'model is required' })
    const model = find(name)
    if (!model) return notFound(exchange, name, ', try pulling it first')
    load(model)
    const messages = (field(body, 'messages') as ChatMessageOnWire[] | undefined) ?? []
    const format = field(body, 'format')
    const json = format !== undefined && format !== ''
    const answer = wire.chatAnswer(model.name, messages, { ...options, json })
    const done = wire.doneFields(model.name, answer.promptTokens, answer.deltas.length)
    const message = (content: string) => ({ role: 'assistant', content })
    // Ollama streams unless told `stream: false`.
    if (field(body, 'stream') === false) {
      return exchange.json(200, { ...done, message: message(answer.text) })
    }
    const created_at = done.created_at
    const deltas = answer.deltas.map((delta) => {
      return { model: model.name, created_at, message: message(delta), done: false }
    })
    await streamLines(exchange, [...deltas, { ...done, message: message('') }])
  }

  const generate: Route = (exchange) => {
    const body = exchange.request.body
    const name = text(field(body, 'model'))
    const model = find(name)
    if (!model) return notFound(exchange, name, ', try pulling it first')
    const keepAlive = field(body, 'keep_alive')
    const unload = keepAlive === 0 || keepAlive === '0' || keepAlive === '0s'
    if (unload) state.running = state.running.filter((r) => r.name !== model.name)
    else load(model)
    const prompt = text(field(body, 'prompt'))
    const response = prompt ? `You said: ${prompt}` : ''
    const done = wire.doneFields(model.name, wire.countWords(prompt), wire.countWords(response))
    exchange.json(200, { ...done, response, done_reason: unload ? 'unload' : 'stop' })
  }

  const pull: Route = async (exchange) => {
    const name = wire.normalizeModelName(text(field(exchange.request.body, 'model', 'name')))
    const model = state.registry.find((m) => m.name === name) ?? find(name)
    // Ollama answers 200 and reports an unknown name inside the stream.
    if (!model) return void (await streamLines(exchange, wire.UNKNOWN_PULL_LINES))
    state.pullsInFlight += 1
    state.peakPullsInFlight = Math.max(state.peakPullsInFlight, state.pullsInFlight)
    try {
      const complete = await streamLines(exchange, wire.pullLines(model, options.pullSteps ?? 4))
      if (complete && !find(name)) state.installed.push({ ...model, modifiedAt: wire.MODIFIED_AT })
    } finally {
      state.pullsInFlight -= 1
    }
  }

  const remove: Route = (exchange) => {
    const name = text(field(exchange.request.body, 'model', 'name'))
    const model = find(name)
    if (!model) return exchange.json(404, { error: `model '${name}' not found` })
    state.installed = state.installed.filter((m) => m !== model)
    state.running = state.running.filter((r) => r.name !== model.name)
    exchange.res.writeHead(200).end()
  }

  const show: Route = (exchange) => {
    const name = text(field(exchange.request.body, 'model', 'name'))
    const model = find(name)
    if (!model) return exchange.json(404, { error: `model '${name}' not found` })
    exchange.json(200, wire.showBody(model))
  }

  const listRunning: Route = (exchange) => {
    const models = state.running.flatMap((r) => {
      const model = find(r.name)
      return model ? [wire.psEntry(model, r)] : []
    })
    exchange.json(200, { models })
  }

  const routes: Record<string, Route> = {
    'GET /api/version': (exchange) => exchange.json(200, { version: options.version ?? '0.9.0' }),
    'GET /api/tags': (exchange) =>
      exchange.json(200, { models: state.installed.map(wire.tagsEntry) }),
    'GET /api/ps': listRunning,
    'POST /api/show': show,
    'POST /api/chat': chat,
    'POST /api/generate': generate,
    'POST /api/pull': pull,
    'DELETE /api/delete': remove,
  }

  const server = await startFakeHttp({
    port: options.port,
    chunkDelayMs: options.chunkDelayMs,
    errorBody,
    crashBody: (message) => ({ error: message }),
    route(exchange) {
      const { method, path, headers } = exchange.request
      if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) {
        return exchange.json(401, { error: 'unauthorized' })
      }
      const route = routes[`${method} ${path}`]
      if (!route) return exchange.json(404, '404 page not found')
      return route(exchange)
    },
  })

  return { ...server, state }
}
