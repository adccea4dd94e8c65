// A protocol-faithful fake of Groq's OpenAI-compatible API (chat completions, SSE, models) on 127.0.0.1.
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

export interface FakeGroqOptions extends ReplyOptions {
  port?: number
  /** The key `Authorization: Bearer …` must carry (default `gsk_test_key`). */
  apiKey?: string
  /** Model ids the server knows (default llama-3.1-8b-instant, llama-3.3-70b-versatile). */
  models?: string[]
  /** Where the final stream chunk reports usage: Groq's `x_groq.usage` (default) or OpenAI's `usage`. */
  streamUsageField?: 'x_groq' | 'usage'
}

export interface FakeGroq extends FakeHttpServer, ReplyControls {
  /** mindX-style base URL: `<origin>/openai/v1`. */
  openaiUrl: string
  /** The next request(s) get 429 with `retry-after` in seconds, as Groq sends it. */
  rateLimit(options: { retryAfterSeconds: number; times?: number }): void
}

interface ChatBody {
  model?: unknown
  messages?: unknown
  stream?: unknown
  max_tokens?: unknown
  max_completion_tokens?: unknown
  response_format?: { type?: unknown }
}

export const DEFAULT_GROQ_KEY = 'gsk_test_key'
const DEFAULT_MODELS = ['llama-3.1-8b-instant', 'llama-3.3-70b-versatile']
const CREATED = 1_700_000_000

/** Groq's error envelope (OpenAI style). */
export function groqError(message: string, type: string, code?: string): unknown {
  return { error: { message, type, ...(code ? { code } : {}) } }
}

function errorBodyFor(status: number): unknown {
  if (status === 401)
    return groqError('Invalid API Key', 'invalid_request_error', 'invalid_api_key')
  if (status === 404) return groqError('Not found', 'invalid_request_error', 'model_not_found')
  if (status === 429) {
    return groqError('Rate limit reached. Please try again later.', 'tokens', 'rate_limit_exceeded')
  }
  if (status >= 500) return groqError('Internal Server Error', 'internal_server_error')
  return groqError('Bad request', 'invalid_request_error')
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

export async function startFakeGroq(options: FakeGroqOptions = {}): Promise<FakeGroq> {
  const apiKey = options.apiKey ?? DEFAULT_GROQ_KEY
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
      const message = "'messages' and 'model' are required; each message needs a role and content"
      return exchange.json(400, groqError(message, 'invalid_request_error'))
    }
    const model = body.model
    if (!models.includes(model)) {
      const message = `The model \`${model}\` does not exist or you do not have access to it.`
      return exchange.json(404, groqError(message, 'invalid_request_error', 'model_not_found'))
    }
    const jsonMode = body.response_format?.type === 'json_object'
    const limit = body.max_completion_tokens ?? body.max_tokens
    const full = replyText({ model, messages, jsonMode }, reply)
    const text = truncateToTokens(full, typeof limit === 'number' ? limit : undefined)
    const finishReason = text === full ? 'stop' : 'length'
    const promptTokens = countPromptTokens(messages)
    const usage = {
      queue_time: 0.01,
      prompt_tokens: promptTokens,
      prompt_time: 0.001,
      completion_tokens: countTokens(text),
      completion_time: 0.01,
      total_tokens: promptTokens + countTokens(text),
      total_time: 0.011,
    }
    completions += 1
    const id = `chatcmpl-fake-${completions}`
    const requestId = `req_fake_${completions}`
    const base = { id, created: CREATED, model, system_fingerprint: 'fp_fake' }

    if (body.stream !== true) {
      return exchange.json(200, {
        ...base,
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: text },
            logprobs: null,
            finish_reason: finishReason,
          },
        ],
        usage,
        x_groq: { id: requestId },
      })
    }

    const chunk = (delta: object, finish: string | null, extra: object = {}): string => {
      const choices = [{ index: 0, delta, logprobs: null, finish_reason: finish }]
      const event = { ...base, object: 'chat.completion.chunk', choices, ...extra }
      return `data: ${JSON.stringify(event)}\n\n`
    }
    const finalUsage =
      options.streamUsageField === 'usage'
        ? { usage, x_groq: { id: requestId } }
        : { x_groq: { id: requestId, usage } }
    const events = [
      chunk({ role: 'assistant', content: '' }, null, { x_groq: { id: requestId } }),
      ...splitIntoDeltas(text).map((delta) => chunk({ content: delta }, null)),
      chunk({}, finishReason, finalUsage),
      'data: [DONE]\n\n',
    ]
    return exchange.stream(
      {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-request-id': requestId,
      },
      events,
    )
  }

  function listModels(exchange: FakeExchange): void {
    exchange.json(200, {
      object: 'list',
      data: models.map((id) => ({
        id,
        object: 'model',
        created: CREATED,
        owned_by: 'Meta',
        active: true,
        context_window: 131072,
        public_apps: null,
        max_completion_tokens: 32768,
      })),
    })
  }

  const server = await startFakeHttp({
    port: options.port,
    errorBody: errorBodyFor,
    route(exchange) {
      const { method, path } = exchange.request
      if (method === 'POST' && path === '/openai/v1/chat/completions') {
        return authorised(exchange) ? chat(exchange) : undefined
      }
      if (method === 'GET' && path === '/openai/v1/models') {
        return authorised(exchange) ? listModels(exchange) : undefined
      }
      const message = `Unknown request URL: ${method} ${path}. Please check the URL for typos, or see the docs at https://console.groq.com/docs/`
      exchange.json(404, groqError(message, 'invalid_request_error', 'unknown_url'))
    },
  })

  return {
    ...server,
    openaiUrl: `${server.url}/openai/v1`,
    rateLimit({ retryAfterSeconds, times }) {
      server.fail({
        status: 429,
        times,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: groqError(
          `Rate limit reached for model. Please try again in ${retryAfterSeconds}s.`,
          'tokens',
          'rate_limit_exceeded',
        ),
      })
    },
    ...replyControls(reply),
  }
}
