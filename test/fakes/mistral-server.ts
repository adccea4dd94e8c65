// A protocol-faithful fake of Mistral's chat completions API (JSON, SSE ending `data: [DONE]`, models).
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

export interface FakeMistralOptions extends ReplyOptions {
  port?: number
  /** The key `Authorization: Bearer …` must carry (default mistral-test-key). */
  apiKey?: string
  /** Chat model ids the server knows (default mistral-small-latest, open-mistral-nemo). */
  models?: string[]
}

export interface FakeMistral extends FakeHttpServer, ReplyControls {
  /** The API root, `<origin>/v1`, as mindX configs name it. */
  apiUrl: string
  /** The next request(s) get 429 with `retry-after` in seconds. */
  rateLimit(options: { retryAfterSeconds: number; times?: number }): void
}

interface ChatBody {
  model?: unknown
  messages?: unknown
  stream?: unknown
  max_tokens?: unknown
  response_format?: { type?: unknown }
}

export const DEFAULT_MISTRAL_KEY = 'mistral-test-key'
const DEFAULT_MODELS = ['mistral-small-latest', 'open-mistral-nemo']
/** Listed too, but it cannot chat: clients should leave it out of a chat model list. */
const EMBEDDING_MODEL = 'mistral-embed'
const CREATED = 1_700_000_000

/** Mistral's error envelope. */
export function mistralError(message: string, type: string, code: string | null): unknown {
  return { object: 'error', message, type, param: null, code }
}

function errorBodyFor(status: number): unknown {
  if (status === 401) return { message: 'Unauthorized', request_id: 'req_fake' }
  if (status === 404) return { detail: 'Not Found' }
  if (status === 429) return mistralError('Requests rate limit exceeded', 'rate_limited', '1300')
  if (status >= 500) return mistralError('Internal server error', 'internal_server_error', '3000')
  return mistralError('Bad request', 'invalid_request_error', '3001')
}

function readMessages(value: unknown): { role: string; content: string }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const messages: { role: string; content: string }[] = []
  for (const item of value as unknown[]) {
    const { role, content } = (item ?? {}) as { role?: unknown; content?: unknown }
    if (typeof role !== 'string' || typeof content !== 'string') return undefined
    messages.push({ role, content })
  }
  return messages
}

function modelCard(id: string): object {
  const chat = id !== EMBEDDING_MODEL
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: 'mistralai',
    capabilities: { completion_chat: chat, function_calling: chat, completion_fim: false },
    name: id,
    description: `Fake ${id}`,
    max_context_length: 32768,
    aliases: [],
    deprecation: null,
    default_model_temperature: chat ? 0.3 : null,
    type: 'base',
  }
}

export async function startFakeMistral(options: FakeMistralOptions = {}): Promise<FakeMistral> {
  const apiKey = options.apiKey ?? DEFAULT_MISTRAL_KEY
  const models = options.models ?? DEFAULT_MODELS
  const reply: ReplyOptions = { reply: options.reply, invalidJson: options.invalidJson }
  let completions = 0

  function authorised(exchange: FakeExchange): boolean {
    if (exchange.request.headers.authorization === `Bearer ${apiKey}`) return true
    exchange.json(401, errorBodyFor(401))
    return false
  }

  function chat(exchange: FakeExchange): void | Promise<unknown> {
    const body = (exchange.request.body ?? {}) as ChatBody
    const messages = readMessages(body.messages)
    if (typeof body.model !== 'string' || !messages) {
      const message = 'Invalid request: model and messages are required'
      return exchange.json(422, { detail: [{ type: 'missing', loc: ['body'], msg: message }] })
    }
    const model = body.model
    if (!models.includes(model)) {
      return exchange.json(400, mistralError(`Invalid model: ${model}`, 'invalid_model', '1500'))
    }
    const jsonMode = body.response_format?.type === 'json_object'
    const full = replyText({ model, messages, jsonMode }, reply)
    const limit = typeof body.max_tokens === 'number' ? body.max_tokens : undefined
    const text = truncateToTokens(full, limit)
    const finishReason = text === full ? 'stop' : 'length'
    const promptTokens = countPromptTokens(messages)
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: countTokens(text),
      total_tokens: promptTokens + countTokens(text),
    }
    completions += 1
    const base = { id: `cmpl-fake-${completions}`, created: CREATED, model }

    if (body.stream !== true) {
      const message = { role: 'assistant', content: text, tool_calls: null, prefix: false }
      const choices = [{ index: 0, message, finish_reason: finishReason }]
      return exchange.json(200, { ...base, object: 'chat.completion', usage, choices })
    }

    const chunk = (delta: object, finish: string | null, extra: object = {}) => {
      const choices = [{ index: 0, delta, finish_reason: finish }]
      return `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`
    }
    const deltas = splitIntoDeltas(text)
    // Mistral closes the last content chunk with the finish reason and the usage.
    const last = deltas.pop() ?? ''
    const events = [
      chunk({ role: 'assistant', content: '' }, null),
      ...deltas.map((delta) => chunk({ content: delta }, null)),
      chunk({ content: last }, finishReason, { usage }),
      'data: [DONE]\n\n',
    ]
    return exchange.stream(
      { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      events,
    )
  }

  const server = await startFakeHttp({
    port: options.port,
    errorBody: errorBodyFor,
    crashBody: (message) => mistralError(message, 'internal_server_error', '3000'),
    route(exchange) {
      const { method, path } = exchange.request
      if (method === 'POST' && path === '/v1/chat/completions') {
        return authorised(exchange) ? chat(exchange) : undefined
      }
      if (method === 'GET' && path === '/v1/models') {
        if (!authorised(exchange)) return
        const data = [...models, EMBEDDING_MODEL].map(modelCard)
        return exchange.json(200, { object: 'list', data })
      }
      exchange.json(404, { detail: 'Not Found' })
    },
  })

  return {
    ...server,
    apiUrl: `${server.url}/v1`,
    rateLimit({ retryAfterSeconds, times }) {
      server.fail({
        status: 429,
        times,
        headers: {
          'retry-after': String(retryAfterSeconds),
          'x-ratelimit-limit-req-minute': '60',
          'x-ratelimit-remaining-req-minute': '0',
        },
      })
    },
    ...replyControls(reply),
  }
}
