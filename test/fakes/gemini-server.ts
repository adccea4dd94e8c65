// A protocol-faithful fake of the Gemini API (generateContent, streamGenerateContent SSE, models) on 127.0.0.1.
import {
  countPromptTokens,
  countTokens,
  replyControls,
  replyText,
  splitIntoDeltas,
  truncateToTokens,
  type ReplyControls,
  type ReplyOptions,
} from './echo-model'
import { startFakeHttp, type FakeExchange, type FakeHttpServer } from './fake-http'

export interface FakeGeminiOptions extends ReplyOptions {
  port?: number
  /** The key `x-goog-api-key` (or `?key=`) must carry (default `AIza-test-key`). */
  apiKey?: string
  /** Model ids without the `models/` prefix (default gemini-2.5-flash, gemini-2.5-pro, text-embedding-004). */
  models?: string[]
  /** The largest page `GET /models` returns (Google's cap is 1000); small values exercise paging. */
  maxPageSize?: number
}

export interface FakeGemini extends FakeHttpServer, ReplyControls {
  /** mindX-style base URL: `<origin>/v1beta`. */
  apiUrl: string
  /**
   * The next request(s) get 429 RESOURCE_EXHAUSTED with the wait in a RetryInfo `retryDelay`, as
   * Google sends it, or (`via: 'header'`) only in an HTTP `Retry-After`, as a proxy in front sends it.
   */
  rateLimit(options: {
    retryAfterSeconds: number
    times?: number
    via?: 'retry-info' | 'header'
  }): void
}

interface GenerateBody {
  contents?: unknown
  systemInstruction?: { parts?: { text?: unknown }[] }
  generationConfig?: { maxOutputTokens?: unknown; responseMimeType?: unknown }
}

export const DEFAULT_GEMINI_KEY = 'AIza-test-key'
const DEFAULT_MODELS = ['gemini-2.5-flash', 'gemini-2.5-pro', 'text-embedding-004']
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}
const ROUTE = /^\/(v1beta|v1)\/models(?:\/([^/:]+)(?::(generateContent|streamGenerateContent))?)?$/

/** Google's error envelope: `{error: {code, message, status, details?}}`. */
export function googleError(code: number, message: string, details?: unknown[]): unknown {
  const status = STATUS_NAMES[code] ?? (code >= 500 ? 'INTERNAL' : 'UNKNOWN')
  return { error: { code, message, status, ...(details ? { details } : {}) } }
}

function errorBodyFor(status: number): unknown {
  if (status === 429) return googleError(429, 'Resource has been exhausted (e.g. check quota).')
  if (status >= 500) {
    return googleError(status, 'An internal error has occurred. Please retry or report it.')
  }
  return googleError(status, 'Request failed.')
}

function readContents(value: unknown): { role: string; content: string }[] | string {
  if (!Array.isArray(value) || value.length === 0) {
    return '* GenerateContentRequest.contents: contents is not specified'
  }
  const messages: { role: string; content: string }[] = []
  for (const item of value as unknown[]) {
    const { role = 'user', parts } = (item ?? {}) as { role?: unknown; parts?: unknown }
    if (role !== 'user' && role !== 'model') return 'Please use a valid role: user, model.'
    if (!Array.isArray(parts) || parts.length === 0) {
      return '* GenerateContentRequest.contents.parts: contents.parts must not be empty.'
    }
    const texts = (parts as { text?: unknown }[]).map((part) => part.text)
    messages.push({ role, content: texts.filter((text) => typeof text === 'string').join('') })
  }
  return messages
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const apiKey = options.apiKey ?? DEFAULT_GEMINI_KEY
  const models = options.models ?? DEFAULT_MODELS
  const reply: ReplyOptions = { reply: options.reply, invalidJson: options.invalidJson }

  function modelResource(id: string): object {
    const embedding = id.includes('embedding')
    return {
      name: `models/${id}`,
      version: '001',
      displayName: id.replace(/-/g, ' '),
      description: `Fake ${id}`,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: embedding
        ? ['embedContent']
        : ['generateContent', 'countTokens', 'streamGenerateContent'],
    }
  }

  function authorised(exchange: FakeExchange): boolean {
    const { headers, query } = exchange.request
    const key = headers['x-goog-api-key'] ?? query.key
    if (key === apiKey) return true
    if (key === undefined) {
      const message =
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
      exchange.json(403, googleError(403, message))
      return false
    }
    const message = 'API key not valid. Please pass a valid API key.'
    const detail = {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    }
    exchange.json(400, googleError(400, message, [detail]))
    return false
  }

  function generate(exchange: FakeExchange, model: string, version: string, streaming: boolean) {
    if (!models.includes(model)) {
      const method = streaming ? 'streamGenerateContent' : 'generateContent'
      const message = `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`
      return exchange.json(404, googleError(404, message))
    }
    const body = (exchange.request.body ?? {}) as GenerateBody
    const messages = readContents(body.contents)
    if (typeof messages === 'string') return exchange.json(400, googleError(400, messages))
    const system = (body.systemInstruction?.parts ?? []).map((part) => part.text).join('')
    const config = body.generationConfig ?? {}
    const jsonMode = config.responseMimeType === 'application/json'
    const limit = typeof config.maxOutputTokens === 'number' ? config.maxOutputTokens : undefined
    const full = replyText({ model, messages, jsonMode }, reply)
    const text = truncateToTokens(full, limit)
    const finishReason = text === full ? 'STOP' : 'MAX_TOKENS'
    const promptTokenCount = countTokens(system) + countPromptTokens(messages)
    const usageMetadata = (candidates: string) => ({
      promptTokenCount,
      candidatesTokenCount: countTokens(candidates),
      totalTokenCount: promptTokenCount + countTokens(candidates),
    })
    const response = (part: string, soFar: string, finish?: string) => ({
      candidates: [
        {
          content: { parts: [{ text: part }], role: 'model' },
          ...(finish ? { finishReason: finish } : {}),
          index: 0,
        },
      ],
      usageMetadata: usageMetadata(soFar),
      modelVersion: model,
      responseId: 'fake-response-id',
    })
    if (!streaming) return exchange.json(200, response(text, text, finishReason))

    const deltas = splitIntoDeltas(text)
    let soFar = ''
    const chunks = deltas.map((delta, index) => {
      soFar += delta
      return response(delta, soFar, index === deltas.length - 1 ? finishReason : undefined)
    })
    if (chunks.length === 0) chunks.push(response('', '', finishReason))
    if (exchange.url.searchParams.get('alt') !== 'sse') {
      // Without alt=sse Google streams one JSON array; the SDK always asks for SSE.
      return exchange.stream({ 'content-type': 'application/json' }, [JSON.stringify(chunks)])
    }
    const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`)
    return exchange.stream({ 'content-type': 'text/event-stream' }, events)
  }

  function listModels(exchange: FakeExchange): void {
    const { pageSize, pageToken } = exchange.request.query
    const size = Math.min(Number(pageSize) || 50, options.maxPageSize ?? 1000)
    const start = Number(pageToken ?? 0) || 0
    const page = models.slice(start, start + size).map(modelResource)
    const next = start + size < models.length ? { nextPageToken: String(start + size) } : {}
    exchange.json(200, { models: page, ...next })
  }

  const server = await startFakeHttp({
    port: options.port,
    errorBody: errorBodyFor,
    route(exchange) {
      const { method, path } = exchange.request
      const match = ROUTE.exec(path)
      if (!match) return exchange.json(404, googleError(404, `Not found: ${path}`))
      if (!authorised(exchange)) return
      const [, version = 'v1beta', model, task] = match
      if (method === 'GET' && !model) return listModels(exchange)
      if (method === 'GET' && model && !task) {
        if (models.includes(model)) return exchange.json(200, modelResource(model))
        return exchange.json(404, googleError(404, `models/${model} is not found`))
      }
      if (method === 'POST' && model && task) {
        return generate(exchange, model, version, task === 'streamGenerateContent')
      }
      exchange.json(404, googleError(404, `Method not found: ${method} ${path}`))
    },
  })

  return {
    ...server,
    apiUrl: `${server.url}/v1beta`,
    rateLimit({ retryAfterSeconds, times, via = 'retry-info' }) {
      if (via === 'header') {
        const headers = { 'retry-after': String(retryAfterSeconds) }
        return server.fail({ status: 429, times, headers })
      }
      const retryInfo = {
        '@type': 'type.googleapis.com/google.rpc.RetryInfo',
        retryDelay: `${retryAfterSeconds}s`,
      }
      const message = `You exceeded your current quota. Please retry in ${retryAfterSeconds}s.`
      server.fail({ status: 429, times, body: googleError(429, message, [retryInfo]) })
    },
    ...replyControls(reply),
  }
}
