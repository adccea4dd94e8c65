// Turns whatever ollama-js, fetch or the socket threw into the one LlmError, with a next step to take.
import { LlmError } from '../../../../shared/llm'
import type { LlmErrorCode } from '../../../../shared/llm'
import { parseRetryAfter } from '../retry-after'

export interface OllamaErrorContext {
  baseUrl: string
  model?: string
  /** The registry name errors report (`ollama_cloud`); default `ollama`. */
  provider?: string
  /** An API key went out as the bearer token: a 401 means that key was refused. */
  keySent?: boolean
  /** The variable named in the hint when the key is refused (default OLLAMA_API_KEY). */
  keyVariable?: string
  /** The request's own signal: once it fired, whatever the SDK threw is a cancellation. */
  signal?: AbortSignal
  now?: () => number
}

/**
 * An HTTP error answer as ollama-js reports it (`ResponseError`: the same name, message and
 * `status_code`), plus the response headers its own error drops (retry-after on 429).
 */
export class OllamaResponseError extends Error {
  override readonly name = 'ResponseError'

  constructor(
    message: string,
    readonly status_code: number,
    readonly headers: Headers,
  ) {
    super(message)
  }
}

/** Reads an error answer as ollama-js does: Ollama's `{"error": …}`, else the text, else the status. */
export async function responseError(response: Response): Promise<OllamaResponseError> {
  let message = `Error ${response.status}: ${response.statusText}`
  try {
    const text = await response.text()
    if (response.headers.get('content-type')?.includes('application/json')) {
      const body = JSON.parse(text) as { error?: unknown }
      if (typeof body.error === 'string' && body.error) message = body.error
    } else if (text) {
      message = text
    }
  } catch {
    // An unreadable body keeps the status line as the message.
  }
  return new OllamaResponseError(message, response.status, response.headers)
}

/** Failures fetch itself threw, before any response: "cannot connect" rather than "lost mid-answer". */
const beforeResponse = new WeakSet<object>()

/** Marks a failure of fetch itself (no response started) and rethrows it. */
export function failedBeforeResponse(err: unknown): never {
  if (typeof err === 'object' && err !== null) beforeResponse.add(err)
  throw err
}

/** Socket-level failure codes (Node and undici) meaning the server could not be talked to. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
])

interface ErrorLike {
  name?: unknown
  message?: unknown
  code?: unknown
  cause?: unknown
  status_code?: unknown
  error?: unknown
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

/** The error and its `cause`s, outermost first (undici hides the socket error in `cause`). */
function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  for (let e = asErrorLike(err); e && chain.length < 8; e = asErrorLike(e.cause)) chain.push(e)
  return chain
}

export function unreachableMessage(baseUrl: string): string {
  return `Ollama is not reachable at ${baseUrl} — is \`ollama serve\` running?`
}

export function notInstalledMessage(model: string, baseUrl: string): string {
  return `Model ${model} is not installed on ${baseUrl} — pull it with \`ollama pull ${model}\``
}

/** Something answered at the address, but not Ollama's API: a wrong port or path (`/v1`, `/api`). */
export function notOllamaMessage(baseUrl: string, status: number): string {
  return `Ollama is not reachable at ${baseUrl}: something else answered there (HTTP ${status}) — check the base URL (Ollama's root, e.g. http://localhost:11434, without /api or /v1).`
}

/** Ollama's own 404 names the model (`model "x" not found, try pulling it first`). */
const OLLAMA_MODEL_NOT_FOUND = /\bmodel\b.*\bnot found\b/i

/**
 * What a host that did not work says on every screen (status bar, Local models, Cloud Run models,
 * Playground): an HTTP answer in its own words (already mapped), anything else as not reachable.
 */
export function ollamaHostProblem(error: unknown, baseUrl: string): string {
  if (error instanceof LlmError && error.status !== undefined) return error.message
  return unreachableMessage(baseUrl)
}

function statusError(
  status: number,
  serverMessage: string,
  ctx: OllamaErrorContext,
  headers: Headers | undefined,
): LlmError {
  const { baseUrl, model } = ctx
  const base = { provider: ctx.provider ?? 'ollama', model, status }
  if (status === 401 || status === 403) {
    const said = `(HTTP ${status}: ${serverMessage})`
    const keyVariable = ctx.keyVariable ?? 'OLLAMA_API_KEY'
    const message = ctx.keySent
      ? `Ollama at ${baseUrl} rejected the API key ${said} — enter a valid key in the API key field on the Providers screen, or set ${keyVariable}.`
      : `Ollama at ${baseUrl} refused the request ${said} — it needs an API key (set ${keyVariable}) or check the Authorization header configured for this host.`
    return new LlmError({ ...base, code: 'auth', message })
  }
  if (status === 404) {
    // Not Ollama's 404: the same reading as the status probes give (see ollamaHostProblem).
    if (!OLLAMA_MODEL_NOT_FOUND.test(serverMessage)) {
      return new LlmError({ ...base, code: 'unreachable', message: notOllamaMessage(baseUrl, 404) })
    }
    const message = model
      ? notInstalledMessage(model, baseUrl)
      : `Ollama at ${baseUrl} answered 404: ${serverMessage}`
    return new LlmError({ ...base, code: 'model_not_found', message })
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers?.get('retry-after'), ctx.now?.())
    const wait = retryAfterMs === undefined ? 'a moment' : `${Math.ceil(retryAfterMs / 1000)} s`
    const message = `Ollama at ${baseUrl} is rate limiting requests — try again in ${wait}.`
    return new LlmError({ ...base, code: 'rate_limit', message, retryAfterMs })
  }
  // Some Ollama versions answer an unknown library name with HTTP 500 "pull model manifest:
  // file does not exist": say what that means, as for the same text inside a stream.
  const known = libraryNameNotFound(serverMessage, ctx)
  if (known) return known
  const code: LlmErrorCode = status === 400 ? 'bad_request' : 'provider'
  return new LlmError({
    ...base,
    code,
    message: `Ollama answered HTTP ${status}: ${serverMessage}`,
  })
}

/** Ollama reports some failures inside a 200 stream (`{"error": …}`); ollama-js rethrows the text. */
function libraryNameNotFound(message: string, ctx: OllamaErrorContext): LlmError | undefined {
  if (!/file does not exist|manifest.*(not found|unknown)/i.test(message)) return undefined
  const { model } = ctx
  const text = `Model ${model ?? 'this model'} was not found in the Ollama library — check the name (see https://ollama.com/library).`
  return new LlmError({
    code: 'model_not_found',
    message: text,
    provider: ctx.provider ?? 'ollama',
    model,
  })
}

function streamedError(message: string, ctx: OllamaErrorContext): LlmError | undefined {
  const { baseUrl, model } = ctx
  const notInLibrary = libraryNameNotFound(message, ctx)
  if (notInLibrary) return notInLibrary
  if (/model .*not found/i.test(message)) {
    const text = model ? notInstalledMessage(model, baseUrl) : `Ollama: ${message}`
    return new LlmError({
      code: 'model_not_found',
      message: text,
      provider: ctx.provider ?? 'ollama',
      model,
    })
  }
  return undefined
}

function isAbort(chain: ErrorLike[], signal?: AbortSignal): 'timeout' | 'aborted' | undefined {
  const reason = asErrorLike(signal?.reason)
  if (signal?.aborted) return reason?.name === 'TimeoutError' ? 'timeout' : 'aborted'
  if (chain.some((e) => e.name === 'TimeoutError')) return 'timeout'
  if (chain.some((e) => e.name === 'AbortError')) return 'aborted'
  return undefined
}

/** Maps any failure of an Ollama call to an LlmError (already-mapped errors pass through). */
export function mapError(err: unknown, ctx: OllamaErrorContext): LlmError {
  if (err instanceof LlmError) return err
  const { baseUrl, model } = ctx
  const chain = causeChain(err)
  const top = chain[0]
  const topMessage = typeof top?.message === 'string' ? top.message : String(err)
  const base = { provider: ctx.provider ?? 'ollama', model }

  const abort = isAbort(chain, ctx.signal)
  if (abort === 'timeout') {
    return new LlmError(
      { ...base, code: 'timeout', message: 'Ollama did not answer in time.' },
      { cause: err },
    )
  }
  if (abort === 'aborted') {
    return new LlmError(
      { ...base, code: 'aborted', message: 'The request was cancelled.' },
      { cause: err },
    )
  }

  if (top?.name === 'ResponseError' && typeof top.status_code === 'number') {
    const headers = top instanceof OllamaResponseError ? top.headers : undefined
    const mapped = statusError(top.status_code, topMessage, ctx, headers)
    return new LlmError(mapped.toJSON(), { cause: err })
  }

  const connectionLost = chain.some(
    (e) =>
      (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) || e.message === 'terminated',
  )
  if (connectionLost || (top?.name === 'TypeError' && topMessage === 'fetch failed')) {
    const responseStarted = !chain.some((e) => beforeResponse.has(e))
    const message = responseStarted
      ? `Ollama at ${baseUrl} closed the connection before the answer was complete — check the Ollama server log (it may have run out of memory).`
      : unreachableMessage(baseUrl)
    return new LlmError({ ...base, code: 'unreachable', message }, { cause: err })
  }

  const streamed = streamedError(topMessage, ctx)
  if (streamed) return new LlmError(streamed.toJSON(), { cause: err })
  return new LlmError(
    { ...base, code: 'provider', message: `Ollama: ${topMessage}` },
    { cause: err },
  )
}
