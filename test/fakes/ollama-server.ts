// A protocol-faithful fake of Ollama's HTTP API (docs/api.md) on 127.0.0.1, programmable per test.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeModel {
  name: string
  size: number
  digest: string
  modifiedAt: string
  family: string
  parameterSize: string
  quantization: string
}

export interface FakeRunningModel {
  name: string
  sizeVram: number
  expiresAt: string
}

export type FakeModelSeed = string | (Partial<FakeModel> & { name: string })

export interface FakeOllamaOptions {
  port?: number
  /** Installed models (default: phi3:mini, llama3.2:1b). */
  models?: FakeModelSeed[]
  /** Names of installed models already loaded in memory. */
  running?: string[]
  /** Models `/api/pull` can fetch; installed models are always pullable. */
  registry?: FakeModelSeed[]
  version?: string
  /** With `format: "json"` the reply is truncated JSON (for the factory's invalid_json checks). */
  invalidJson?: boolean
  /** The assistant's answer; default echoes the last user message. */
  reply?: (request: { model: string; messages: { role: string; content: string }[] }) => string
  /** Pause between streamed chunks (benchmarks); 0 by default so tests never wait on a clock. */
  chunkDelayMs?: number
  /** Progress chunks per pulled layer. */
  pullSteps?: number
}

export interface FailureRule {
  status: number
  /** JSON body (an object) or raw text; default `{error: "<standard message>"}`. */
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
  /** Resolves once the response finished or the connection closed. */
  settled: Promise<void>
}

export type FakeOllama = Awaited<ReturnType<typeof startFakeOllama>>

const DEFAULT_INSTALLED = ['phi3:mini', 'llama3.2:1b']
const DEFAULT_REGISTRY = ['llama3.2:1b', 'qwen2.5:0.5b', 'gemma3:1b', 'phi3:mini']
const MODIFIED_AT = '2025-01-15T10:00:00.000Z'

/** `llama3.2` and `llama3.2:latest` name the same model, as in Ollama. */
export function normalizeModelName(name: string): string {
  return name.includes(':') ? name : `${name}:latest`
}

function modelFromSeed(seed: FakeModelSeed): FakeModel {
  const spec = typeof seed === 'string' ? { name: seed } : seed
  const name = normalizeModelName(spec.name)
  const [base = name, tag = ''] = name.split(':')
  const billions = Number(/^(\d+(?:\.\d+)?)b$/i.exec(tag)?.[1] ?? '3.8')
  return {
    digest: createHash('sha256').update(name).digest('hex'),
    size: Math.round(billions * 650_000_000),
    modifiedAt: MODIFIED_AT,
    family: /^[a-z]+/i.exec(base)?.[0] ?? base,
    parameterSize: `${billions}B`,
    quantization: 'Q4_K_M',
    ...spec,
    name,
  }
}

function details(model: FakeModel) {
  return {
    parent_model: '',
    format: 'gguf',
    family: model.family,
    families: [model.family],
    parameter_size: model.parameterSize,
    quantization_level: model.quantization,
  }
}

const STANDARD_ERRORS: Record<number, string> = {
  400: 'invalid request',
  401: 'unauthorized',
  403: 'forbidden',
  429: 'too many requests',
  500: 'internal server error',
  503: 'server busy, please try again',
}

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

function field(body: unknown, ...keys: string[]): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  for (const key of keys) if (key in body) return (body as Record<string, unknown>)[key]
  return undefined
}

export async function startFakeOllama(options: FakeOllamaOptions = {}) {
  const state = {
    installed: (options.models ?? DEFAULT_INSTALLED).map(modelFromSeed),
    running: [] as FakeRunningModel[],
    registry: (options.registry ?? DEFAULT_REGISTRY).map(modelFromSeed),
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

  const find = (name: string) => state.installed.find((m) => m.name === normalizeModelName(name))
  const load = (model: FakeModel) => {
    if (state.running.some((r) => r.name === model.name)) return
    state.running.push({ name: model.name, sizeVram: model.size, expiresAt: '2099-01-01T00:00:00Z' })
  }
  for (const name of options.running ?? []) {
    const model = find(name)
    if (model) load(model)
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    const type = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8'
    res.writeHead(status, { 'content-type': type, ...headers }).end(text)
  }

  const notFound = (res: ServerResponse, name: string, hint = '') =>
    sendJson(res, 404, { error: `model "${name}" not found${hint}` })

  /** Streams NDJSON lines, honouring hold/drop; returns false when the stream did not complete. */
  async function streamLines(res: ServerResponse, lines: object[]): Promise<boolean> {
    const drop = dropAfter
    dropAfter = undefined
    const closed = new Promise<void>((resolve) => res.once('close', resolve))
    res.writeHead(200, { 'content-type': 'application/x-ndjson' })
    for (const [index, line] of lines.entries()) {
      if (res.destroyed) return false
      await new Promise<void>((resolve) => res.write(JSON.stringify(line) + '\n', () => resolve()))
      const written = index + 1
      if (written === drop) {
        ;(res as ServerResponse & { droppedByServer?: boolean }).droppedByServer = true
        res.socket?.destroy()
        return false
      }
      if (written === holdAfter) await Promise.race([gate.promise, closed])
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs)
      else await new Promise<void>((resolve) => setImmediate(resolve))
    }
    if (res.destroyed) return false
    res.end()
    return true
  }

  function chatAnswer(body: unknown, model: FakeModel) {
    const messages = (field(body, 'messages') as { role: string; content: string }[]) ?? []
    const lastUser = messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
    const json = field(body, 'format') !== undefined && field(body, 'format') !== ''
    let text = options.reply?.({ model: model.name, messages }) ?? `You said: ${lastUser}`
    if (json) text = options.invalidJson ? `{"reply": ${lastUser}` : JSON.stringify({ reply: lastUser })
    const promptTokens = messages.reduce((n, m) => n + m.content.split(/\s+/).length, 0)
    return { text, tokens: text.split(/(?<=\s)/), promptTokens }
  }

  function finalChunk(model: FakeModel, promptTokens: number, evalTokens: number) {
    const evalDuration = evalTokens * 10_000_000
    return {
      model: model.name,
      created_at: new Date().toISOString(),
      done: true,
      done_reason: 'stop',
      total_duration: evalDuration + promptTokens * 1_000_000 + 1_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: promptTokens,
      prompt_eval_duration: promptTokens * 1_000_000,
      eval_count: evalTokens,
      eval_duration: evalDuration,
    }
  }

  async function chat(res: ServerResponse, body: unknown): Promise<void> {
    const name = field(body, 'model')
    if (typeof name !== 'string') return sendJson(res, 400, { error: 'model is required' })
    const model = find(name)
    if (!model) return notFound(res, name, ', try pulling it first')
    load(model)
    const { text, tokens, promptTokens } = chatAnswer(body, model)
    const final = finalChunk(model, promptTokens, tokens.length)
    const message = (content: string) => ({ role: 'assistant', content })
    if (field(body, 'stream') === false) return sendJson(res, 200, { ...final, message: message(text) })
    const created_at = new Date().toISOString()
    const deltas = tokens.map((t) => ({ model: model.name, created_at, message: message(t), done: false }))
    await streamLines(res, [...deltas, { ...final, message: message('') }])
  }

  function generate(res: ServerResponse, body: unknown): void {
    const name = String(field(body, 'model'))
    const model = find(name)
    if (!model) return notFound(res, name, ', try pulling it first')
    const keepAlive = field(body, 'keep_alive')
    const unload = keepAlive === 0 || keepAlive === '0' || keepAlive === '0s'
    if (unload) state.running = state.running.filter((r) => r.name !== model.name)
    else load(model)
    const prompt = String(field(body, 'prompt') ?? '')
    const response = prompt ? `You said: ${prompt}` : ''
    const final = finalChunk(model, prompt.split(/\s+/).length, response.split(/\s+/).length)
    sendJson(res, 200, { ...final, response, done_reason: unload ? 'unload' : 'stop' })
  }

  async function pull(res: ServerResponse, body: unknown): Promise<void> {
    const name = normalizeModelName(String(field(body, 'model', 'name')))
    const model = state.registry.find((m) => m.name === name) ?? find(name)
    const manifest = { status: 'pulling manifest' }
    // Ollama answers 200 and reports the failure inside the stream.
    if (!model) {
      await streamLines(res, [manifest, { error: 'pull model manifest: file does not exist' }])
      return
    }
    const steps = options.pullSteps ?? 4
    const layer = (i: number) => ({
      status: `pulling ${model.digest.slice(0, 12)}`,
      digest: `sha256:${model.digest}`,
      total: model.size,
      completed: Math.round((model.size * i) / steps),
    })
    const progress = Array.from({ length: steps + 1 }, (_, i) => layer(i))
    const tail = ['verifying sha256 digest', 'writing manifest', 'success'].map((status) => ({ status }))
    state.pullsInFlight += 1
    state.peakPullsInFlight = Math.max(state.peakPullsInFlight, state.pullsInFlight)
    try {
      const complete = await streamLines(res, [manifest, ...progress, ...tail])
      if (complete && !find(name)) state.installed.push({ ...model, modifiedAt: MODIFIED_AT })
    } finally {
      state.pullsInFlight -= 1
    }
  }

  function remove(res: ServerResponse, body: unknown): void {
    const name = String(field(body, 'model', 'name'))
    const model = find(name)
    if (!model) return sendJson(res, 404, { error: `model '${name}' not found` })
    state.installed = state.installed.filter((m) => m !== model)
    state.running = state.running.filter((r) => r.name !== model.name)
    res.writeHead(200).end()
  }

  function show(res: ServerResponse, body: unknown): void {
    const name = String(field(body, 'model', 'name'))
    const model = find(name)
    if (!model) return sendJson(res, 404, { error: `model '${name}' not found` })
    sendJson(res, 200, {
      license: 'MIT License',
      modelfile: `# Modelfile generated by "ollama show"\nFROM ${model.name}\nPARAMETER temperature 0.7\n`,
      parameters: 'temperature                    0.7\nstop                           "<|end|>"',
      template: '{{ if .System }}<|system|>{{ .System }}<|end|>{{ end }}<|user|>{{ .Prompt }}<|end|>',
      details: details(model),
      model_info: { 'general.architecture': model.family, 'general.parameter_count': model.size },
      capabilities: ['completion'],
      modified_at: model.modifiedAt,
    })
  }

  function listModels(res: ServerResponse): void {
    const models = state.installed.map((m) => ({
      name: m.name,
      model: m.name,
      modified_at: m.modifiedAt,
      size: m.size,
      digest: m.digest,
      details: details(m),
    }))
    sendJson(res, 200, { models })
  }

  function listRunning(res: ServerResponse): void {
    const models = state.running.flatMap((r) => {
      const m = find(r.name)
      if (!m) return []
      const base = { name: m.name, model: m.name, size: m.size, digest: m.digest }
      return [{ ...base, details: details(m), expires_at: r.expiresAt, size_vram: r.sizeVram }]
    })
    sendJson(res, 200, { models })
  }

  const routes: Record<string, (res: ServerResponse, body: unknown) => void | Promise<void>> = {
    'GET /api/version': (res) => sendJson(res, 200, { version: options.version ?? '0.9.0' }),
    'GET /api/tags': listModels,
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
    const model = field(body, 'model')
    const notFoundText = `model "${typeof model === 'string' ? model : 'unknown'}" not found`
    const standard = rule.status === 404 ? notFoundText : STANDARD_ERRORS[rule.status] ?? 'error'
    return { ...rule, body: rule.body ?? { error: standard } }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const body = await readBody(req)
    const settled = deferred()
    const method = req.method ?? 'GET'
    const { headers } = req
    const record: RecordedRequest = { method, path, headers, body, closedEarly: false, settled: settled.promise }
    res.once('close', () => {
      const dropped = (res as ServerResponse & { droppedByServer?: boolean }).droppedByServer
      record.closedEarly = !res.writableFinished && !dropped
      settled.resolve()
    })
    requests.push(record)
    const waiters = requestWaiters
    requestWaiters = []
    for (const wake of waiters) wake()
    // A client that gives up while we dawdle ends the wait, so no timer outlives the test.
    if (slowMs > 0) await Promise.race([sleep(slowMs), settled.promise])
    if (res.destroyed) return
    const failure = takeFailure(path, body)
    if (failure) return sendJson(res, failure.status, failure.body, failure.headers)
    const route = routes[`${record.method} ${path}`]
    if (!route) return sendJson(res, 404, '404 page not found')
    await route(res, body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    requests,
    /** Requests to one path, in arrival order. */
    requestsTo: (path: string) => requests.filter((r) => r.path === path),
    /** Resolves once `count` requests to `path` have arrived (no clocks involved). */
    async waitForRequests(path: string, count = 1): Promise<RecordedRequest[]> {
      while (requests.filter((r) => r.path === path).length < count) {
        await new Promise<void>((resolve) => requestWaiters.push(resolve))
      }
      return requests.filter((r) => r.path === path)
    },
    /** The next matching requests answer with this status, body and headers. */
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
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
