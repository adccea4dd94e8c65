// A protocol-faithful fake of Anthropic's Messages API (JSON, typed SSE events, errors, models).
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

export interface FakeAnthropicOptions extends ReplyOptions {
  port?: number
  /** The key the server accepts, in `x-api-key` or as `Authorization: Bearer` (default sk-ant-test-key). */
  apiKey?: string
  /** Model ids the server knows (default claude-sonnet-4-5, claude-haiku-4-5). */
  models?: string[]
}

export interface FakeAnthropic extends FakeHttpServer, ReplyControls {
  /** The next request(s) get 429 with `anthropic-ratelimit-*` headers (`retry-after` when given). */
  rateLimit(options: { retryAfterSeconds?: number; tokensResetAt?: string; times?: number }): void
  /** The next request(s) get 529 overloaded_error. */
  overload(options?: { times?: number }): void
  /** The next stream sends `afterDeltas` text deltas, then an `event: error` of this type. */
  errorMidStream(afterDeltas: number, type: string, message: string): void
}

interface MessagesBody {
  model?: unknown
  max_tokens?: unknown
  messages?: unknown
  system?: unknown
  stream?: unknown
}

export const DEFAULT_ANTHROPIC_KEY = 'sk-ant-test-key'
const DEFAULT_MODELS = ['claude-sonnet-4-5', 'claude-haiku-4-5']

/** Anthropic's error envelope. */
export function anthropicError(type: string, message: string): unknown {
  return { type: 'error', error: { type, message }, request_id: 'req_fake' }
}

const ERRORS_BY_STATUS: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'Bad request'],
  401: ['authentication_error', 'invalid x-api-key'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not Found'],
  429: ['rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'],
  500: ['api_error', 'Internal server error'],
  529: ['overloaded_error', 'Overloaded'],
}

function errorBodyFor(status: number): unknown {
  const [type, message] = ERRORS_BY_STATUS[status] ?? ['api_error', 'Internal server error']
  return anthropicError(type, message)
}

/** Text of a string or of `[{type: "text", text}]` blocks, as messages and system may be sent. */
function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return undefined
  return (content as { type?: unknown; text?: unknown }[])
    .map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .join('')
}

function readMessages(value: unknown): { role: string; content: string }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const messages: { role: string; content: string }[] = []
  for (const item of value as unknown[]) {
    const { role, content } = (item ?? {}) as { role?: unknown; content?: unknown }
    const text = textOf(content)
    if ((role !== 'user' && role !== 'assistant') || text === undefined) return undefined
    messages.push({ role, content: text })
  }
  return messages
}

const sse = (event: string, data: object) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

export async function startFakeAnthropic(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? DEFAULT_ANTHROPIC_KEY
  const models = options.models ?? DEFAULT_MODELS
  const reply: ReplyOptions = { reply: options.reply, invalidJson: options.invalidJson }
  let midStreamError: { afterDeltas: number; type: string; message: string } | undefined
  let count = 0

  function authorised(exchange: FakeExchange): boolean {
    const { headers } = exchange.request
    if (headers['x-api-key'] === apiKey || headers.authorization === `Bearer ${apiKey}`) {
      if (headers['anthropic-version']) return true
      exchange.json(
        400,
        anthropicError('invalid_request_error', 'anthropic-version: header is required'),
      )
      return false
    }
    exchange.json(401, errorBodyFor(401))
    return false
  }

  function messages(exchange: FakeExchange): void | Promise<unknown> {
    const body = (exchange.request.body ?? {}) as MessagesBody
    const conversation = readMessages(body.messages)
    if (typeof body.model !== 'string' || !conversation) {
      return exchange.json(400, anthropicError('invalid_request_error', 'messages: Field required'))
    }
    // A last assistant message is a prefill the model continues; the API refuses one that ends in
    // whitespace (invalid_request_error "final assistant content cannot end with trailing whitespace").
    const last = conversation.at(-1)
    if (last?.role === 'assistant' && /\s$/.test(last.content)) {
      return exchange.json(
        400,
        anthropicError(
          'invalid_request_error',
          'messages: final assistant content cannot end with trailing whitespace',
        ),
      )
    }
    if (typeof body.max_tokens !== 'number') {
      return exchange.json(
        400,
        anthropicError('invalid_request_error', 'max_tokens: Field required'),
      )
    }
    const model = body.model
    if (!models.includes(model)) {
      return exchange.json(404, anthropicError('not_found_error', `model: ${model}`))
    }
    const system = textOf(body.system) ?? ''
    // No JSON mode in this API: the fake model follows a system prompt that asks for JSON.
    const jsonMode = /\bJSON\b/.test(system)
    const full = replyText({ model, messages: conversation, jsonMode }, reply)
    const text = truncateToTokens(full, body.max_tokens)
    const stopReason = text === full ? 'end_turn' : 'max_tokens'
    const inputTokens = countPromptTokens([{ content: system }, ...conversation])
    count += 1
    const id = `msg_fake_${count}`
    const headers = { 'request-id': `req_fake_${count}` }
    const usage = {
      input_tokens: inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: countTokens(text),
    }
    const message = { id, type: 'message', role: 'assistant', model, stop_sequence: null }

    if (body.stream !== true) {
      const content = [{ type: 'text', text }]
      return exchange.json(200, { ...message, content, stop_reason: stopReason, usage }, headers)
    }

    let deltas = splitIntoDeltas(text).map((delta) =>
      sse('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: delta },
      }),
    )
    let ending = [
      sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
      sse('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      }),
      sse('message_stop', { type: 'message_stop' }),
    ]
    if (midStreamError) {
      const { afterDeltas, type, message: said } = midStreamError
      midStreamError = undefined
      deltas = deltas.slice(0, afterDeltas)
      ending = [sse('error', anthropicError(type, said) as object)]
    }
    const start = [
      sse('message_start', {
        type: 'message_start',
        message: {
          ...message,
          content: [],
          stop_reason: null,
          usage: { ...usage, output_tokens: 1 },
        },
      }),
      sse('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
      sse('ping', { type: 'ping' }),
    ]
    const streamHeaders = {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...headers,
    }
    return exchange.stream(streamHeaders, [...start, ...deltas, ...ending])
  }

  function listModels(exchange: FakeExchange): void {
    const data = models.map((id) => ({
      type: 'model',
      id,
      display_name: id.replace(/^claude-/, 'Claude ').replace(/-(\d+)-(\d+)$/, ' $1.$2'),
      created_at: '2025-09-29T00:00:00Z',
    }))
    exchange.json(200, {
      data,
      has_more: false,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    })
  }

  const server = await startFakeHttp({
    port: options.port,
    errorBody: errorBodyFor,
    crashBody: (message) => anthropicError('api_error', message),
    route(exchange) {
      const { method, path } = exchange.request
      if (method === 'POST' && path === '/v1/messages') {
        return authorised(exchange) ? messages(exchange) : undefined
      }
      if (method === 'GET' && path === '/v1/models') {
        return authorised(exchange) ? listModels(exchange) : undefined
      }
      exchange.json(404, anthropicError('not_found_error', 'Not Found'))
    },
  })

  return {
    ...server,
    rateLimit({ retryAfterSeconds, tokensResetAt, times }) {
      server.fail({
        status: 429,
        times,
        headers: {
          ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
          'anthropic-ratelimit-requests-limit': '50',
          'anthropic-ratelimit-requests-remaining': '49',
          'anthropic-ratelimit-requests-reset': new Date(Date.now() + 1000).toISOString(),
          'anthropic-ratelimit-tokens-limit': '40000',
          'anthropic-ratelimit-tokens-remaining': '0',
          'anthropic-ratelimit-tokens-reset': tokensResetAt ?? new Date().toISOString(),
        },
      })
    },
    overload({ times } = {}) {
      server.fail({ status: 529, times })
    },
    errorMidStream(afterDeltas, type, message) {
      midStreamError = { afterDeltas, type, message }
    },
    reset() {
      midStreamError = undefined
      server.reset()
    },
    ...replyControls(reply),
  }
}
