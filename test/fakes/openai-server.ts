// A protocol-faithful fake of the OpenAI chat completions API (JSON, SSE ending `data: [DONE]`, models).
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

export interface FakeOpenAiOptions extends ReplyOptions {
  port?: number
  /** The key `Authorization: Bearer …` must carry; null accepts any or none (vLLM without --api-key). */
  apiKey?: string | null
  /** Model ids the server knows (default gpt-4o-mini, Qwen/Qwen3-0.6B). */
  models?: string[]
  /** Where the API lives (default `/v1`; OpenRouter's is `/api/v1`). */
  prefix?: string
  /** Error bodies as OpenAI nests them (`{error: {…}}`, default) or as older vLLM sends them (flat). */
  errorStyle?: 'openai' | 'vllm'
  /** Also list a human `name` per model, as OpenRouter does. */
  modelNames?: boolean
}

export interface FakeOpenAi extends FakeHttpServer, ReplyControls {
  /** The API root: `<origin><prefix>`. */
  apiUrl: string
  /** The next request(s) get 429 with OpenAI's headers (`retry-after` only when given). */
  rateLimit(options: RateLimitFault): void
  /** The next stream sends `afterDeltas` deltas, then an OpenRouter-style error chunk. */
  errorMidStream(afterDeltas: number, error: { code: number; message: string }): void
}

export interface RateLimitFault {
  retryAfterSeconds?: number
  /** `x-ratelimit-reset-requests`, e.g. "6m0s"; remaining requests read 0. */
  resetRequests?: string
  /** `x-ratelimit-reset-tokens`, e.g. "1s"; remaining tokens read 0. */
  resetTokens?: string
  times?: number
}

interface ChatBody {
  model?: unknown
  messages?: unknown
  stream?: unknown
  stream_options?: { include_usage?: unknown }
  max_tokens?: unknown
  max_completion_tokens?: unknown
  response_format?: { type?: unknown }
}

export const DEFAULT_OPENAI_KEY = 'sk-test-key'
const DEFAULT_MODELS = ['gpt-4o-mini', 'Qwen/Qwen3-0.6B']
const CREATED = 1_700_000_000

type ErrorStyle = NonNullable<FakeOpenAiOptions['errorStyle']>

/** OpenAI's error envelope, or vLLM's older flat one (which the openai SDK cannot read). */
export function openAiError(
  style: ErrorStyle,
  message: string,
  type: string,
  code: string | number | null,
): unknown {
  if (style === 'vllm') return { object: 'error', message, type, param: null, code }
  return { error: { message, type, param: null, code } }
}

function errorBodyFor(style: ErrorStyle, status: number): unknown {
  if (status === 401) {
    const message =
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
    return openAiError(style, message, 'invalid_request_error', 'invalid_api_key')
  }
  if (status === 404) return openAiError(style, 'Not found', 'invalid_request_error', null)
  if (status === 429) {
    const message = 'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1.'
    return openAiError(style, message, 'requests', 'rate_limit_exceeded')
  }
  if (status >= 500) {
    const message = 'The server had an error while processing your request. Sorry about that!'
    return openAiError(style, message, 'server_error', null)
  }
  return openAiError(style, 'Bad request', 'invalid_request_error', null)
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

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const apiKey = options.apiKey === undefined ? DEFAULT_OPENAI_KEY : options.apiKey
  const models = options.models ?? DEFAULT_MODELS
  const prefix = options.prefix ?? '/v1'
  const style = options.errorStyle ?? 'openai'
  const reply: ReplyOptions = { reply: options.reply, invalidJson: options.invalidJson }
  let midStreamError: { afterDeltas: number; error: { code: number; message: string } } | undefined
  let completions = 0

  function authorised(exchange: FakeExchange): boolean {
    if (apiKey === null || exchange.request.headers.authorization === `Bearer ${apiKey}`)
      return true
    exchange.json(401, errorBodyFor(style, 401))
    return false
  }

  function chat(exchange: FakeExchange): void | Promise<unknown> {
    const body = (exchange.request.body ?? {}) as ChatBody
    const messages = readMessages(body.messages)
    if (typeof body.model !== 'string' || !messages) {
      const message = "'messages' and 'model' are required; each message needs a role and content"
      return exchange.json(400, openAiError(style, message, 'invalid_request_error', null))
    }
    const model = body.model
    if (!models.includes(model)) {
      const message = `The model \`${model}\` does not exist or you do not have access to it.`
      const code = style === 'vllm' ? 404 : 'model_not_found'
      return exchange.json(404, openAiError(style, message, 'invalid_request_error', code))
    }
    const jsonMode = body.response_format?.type === 'json_object'
    const limit = body.max_completion_tokens ?? body.max_tokens
    const full = replyText({ model, messages, jsonMode }, reply)
    const text = truncateToTokens(full, typeof limit === 'number' ? limit : undefined)
    const finishReason = text === full ? 'stop' : 'length'
    const promptTokens = countPromptTokens(messages)
    const completionTokens = countTokens(text)
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    }
    completions += 1
    const base = { id: `chatcmpl-fake-${completions}`, created: CREATED, model }
    const headers = { 'x-request-id': `req_fake_${completions}` }

    if (body.stream !== true) {
      const message = { role: 'assistant', content: text, refusal: null }
      const choices = [{ index: 0, message, logprobs: null, finish_reason: finishReason }]
      return exchange.json(200, { ...base, object: 'chat.completion', choices, usage }, headers)
    }

    const includeUsage = body.stream_options?.include_usage === true
    const event = (data: object) => `data: ${JSON.stringify(data)}\n\n`
    const chunk = (choices: object[], extra: object = {}) =>
      event({
        ...base,
        object: 'chat.completion.chunk',
        choices,
        ...(includeUsage ? { usage: null } : {}),
        ...extra,
      })
    const choice = (delta: object, finish: string | null) => ({
      index: 0,
      delta,
      logprobs: null,
      finish_reason: finish,
    })
    let deltas = splitIntoDeltas(text).map((delta) => chunk([choice({ content: delta }, null)]))
    let ending = [
      chunk([choice({}, finishReason)]),
      ...(includeUsage ? [chunk([], { usage })] : []),
      'data: [DONE]\n\n',
    ]
    if (midStreamError) {
      const { afterDeltas, error } = midStreamError
      midStreamError = undefined
      deltas = deltas.slice(0, afterDeltas)
      ending = [chunk([choice({ content: '' }, 'error')], { error })]
    }
    const first = chunk([choice({ role: 'assistant', content: '' }, null)])
    const sse = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers }
    return exchange.stream(sse, [first, ...deltas, ...ending])
  }

  function listModels(exchange: FakeExchange): void {
    const data = models.map((id) => ({
      id,
      object: 'model',
      created: CREATED,
      owned_by: 'fake',
      ...(options.modelNames ? { name: `Fake: ${id}` } : {}),
    }))
    exchange.json(200, { object: 'list', data })
  }

  const server = await startFakeHttp({
    port: options.port,
    errorBody: (status) => errorBodyFor(style, status),
    crashBody: (message) => openAiError(style, message, 'server_error', null),
    route(exchange) {
      const { method, path } = exchange.request
      if (method === 'POST' && path === `${prefix}/chat/completions`) {
        return authorised(exchange) ? chat(exchange) : undefined
      }
      if (method === 'GET' && path === `${prefix}/models`) {
        return authorised(exchange) ? listModels(exchange) : undefined
      }
      const message = `Invalid URL (${method} ${path})`
      exchange.json(404, openAiError(style, message, 'invalid_request_error', null))
    },
  })

  return {
    ...server,
    apiUrl: `${server.url}${prefix}`,
    rateLimit({ retryAfterSeconds, resetRequests, resetTokens, times }) {
      server.fail({
        status: 429,
        times,
        headers: {
          ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
          'x-ratelimit-limit-requests': '3',
          'x-ratelimit-remaining-requests': resetRequests ? '0' : '2',
          'x-ratelimit-reset-requests': resetRequests ?? '20s',
          'x-ratelimit-limit-tokens': '40000',
          'x-ratelimit-remaining-tokens': resetTokens ? '0' : '39000',
          'x-ratelimit-reset-tokens': resetTokens ?? '1s',
        },
      })
    },
    errorMidStream(afterDeltas, error) {
      midStreamError = { afterDeltas, error }
    },
    reset() {
      midStreamError = undefined
      server.reset()
    },
    ...replyControls(reply),
  }
}
