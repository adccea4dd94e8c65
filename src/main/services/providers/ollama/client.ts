// The Ollama ProviderClient over ollama-js: /api/chat (plain and streamed) and /api/tags, one SDK call per request.
import type {
  AbortableAsyncIterator,
  ChatRequest,
  ChatResponse,
  ModelResponse,
  Ollama,
} from 'ollama'
import { DEFAULT_OLLAMA_BASE_URL } from '../../../../shared/llm'
import type { LlmError, Usage } from '../../../../shared/llm'
import type {
  ProviderChunk,
  ProviderClient,
  ProviderModel,
  ProviderRequest,
  ProviderSettings,
} from '../types'
import { turnsWithSystem } from '../types'
import type { Fetch } from '../provider-fetch'
import { providerFetch } from '../provider-fetch'
import { failedBeforeResponse, mapError, responseError } from './map-error'
import type { OllamaErrorContext } from './map-error'

export type OllamaConstructor = typeof Ollama

/** Loads ollama-js lazily so an app without the SDK can still start (the factory falls back). */
export async function loadOllamaSdk(): Promise<OllamaConstructor> {
  const sdk = await import('ollama')
  return sdk.Ollama
}

export interface OllamaConnection {
  baseUrl?: string
  headers?: Record<string, string>
  fetch?: typeof fetch
  /** Ollama Cloud (or a secured host): sent as `Authorization: Bearer …` unless a header sets one. */
  apiKey?: string
  /** The registry name calls report in errors (`ollama_cloud`); default `ollama`. */
  provider?: string
  /** The variable named when the key is refused (default OLLAMA_API_KEY). */
  keyVariable?: string
}

/** The configured headers, plus the API key as a bearer token when no Authorization is set. */
export function connectionHeaders(connection: OllamaConnection): Record<string, string> {
  const headers = { ...connection.headers }
  const hasAuthorization = Object.keys(headers).some(
    (name) => name.toLowerCase() === 'authorization',
  )
  if (connection.apiKey && !hasAuthorization) headers.Authorization = `Bearer ${connection.apiKey}`
  return headers
}

/** One request's view of a connection's SDK instance, and how its failures are described. */
export interface OllamaCall {
  ollama: Ollama
  errorContext(model?: string): OllamaErrorContext
}

/** The fetch init with `signal` added (and the SDK's own kept, for streams). */
function withSignal(init: RequestInit | undefined, signal: AbortSignal): RequestInit {
  const own = init?.signal
  return { ...init, signal: own ? AbortSignal.any([own, signal]) : signal }
}

/**
 * The fetch a connection's SDK sends through, one per connection: requests go out through
 * providerFetch (redirects refused until the host turns out to redirect), an error answer becomes an
 * OllamaResponseError with its headers (ollama-js's own keeps only the status, losing retry-after),
 * and a failure before any response is marked so it reads "cannot connect", not "lost mid-answer".
 * Nothing is kept per request, so a call without a signal needs no per-call state at all.
 */
function connectionFetch(connection: OllamaConnection): Fetch {
  const answered = (response: Response) =>
    response.ok ? response : responseError(response).then(rejectWith)
  const send = providerFetch(connection.fetch)
  return (input, init) => {
    let sent: Promise<Response>
    try {
      sent = send(input, init)
    } catch (err) {
      // An injected fetch may throw instead of rejecting: still a failure before any response.
      // (failedBeforeResponse marks it and throws: the executor turns that into the rejection.)
      return new Promise<Response>(() => failedBeforeResponse(err))
    }
    return sent.then(answered, failedBeforeResponse)
  }
}

function rejectWith(error: Error): never {
  throw error
}

/** An SDK instance for one connection, sending through its connection fetch. */
export function connectSdk(OllamaSdk: OllamaConstructor, connection: OllamaConnection): Ollama {
  const host = connection.baseUrl ?? DEFAULT_OLLAMA_BASE_URL
  const headers = connectionHeaders(connection)
  const fetch = connectionFetch(connection)
  // No headers at all spares ollama-js a normalising pass per request.
  return new OllamaSdk(Object.keys(headers).length > 0 ? { host, headers, fetch } : { host, fetch })
}

/**
 * One request on a connection's SDK instance. ollama-js passes no signal for non-streamed calls and
 * its own controller for streamed ones, so a request with a signal gets a view of the instance whose
 * fetch adds it (ollama-js sends through `this.fetch`): no SDK instance is built per request, and
 * concurrent requests share no state. Without a signal the instance itself serves.
 */
export function callOn(
  sdk: Ollama,
  connection: OllamaConnection,
  signal?: AbortSignal,
): OllamaCall {
  let ollama = sdk
  if (signal !== undefined) {
    const send = (sdk as unknown as { fetch: Fetch }).fetch
    const fetch: Fetch = (input, init) => send(input, withSignal(init, signal))
    ollama = Object.create(sdk) as Ollama
    Object.defineProperty(ollama, 'fetch', { value: fetch })
  }
  return { ollama, errorContext: (model) => errorContext(connection, model, signal) }
}

/** What a failure message needs to know about the connection and the request. */
export function errorContext(
  connection: OllamaConnection,
  model: string | undefined,
  signal: AbortSignal | undefined,
): OllamaErrorContext {
  const { provider, apiKey, keyVariable } = connection
  return {
    baseUrl: connection.baseUrl ?? DEFAULT_OLLAMA_BASE_URL,
    model,
    signal,
    ...(provider ? { provider } : {}),
    ...(keyVariable ? { keyVariable } : {}),
    keySent: Boolean(apiKey),
  }
}

/** One request on a fresh SDK instance (the Ollama admin's calls, which are few). */
export function openCall(
  OllamaSdk: OllamaConstructor,
  connection: OllamaConnection,
  signal?: AbortSignal,
): OllamaCall {
  return callOn(connectSdk(OllamaSdk, connection), connection, signal)
}

/**
 * Iterates one of ollama-js's streams, turning its failures into LlmError (but not errors thrown
 * into the consumer's loop), and aborts the HTTP response when the consumer stops early.
 */
export async function* mappedStream<T extends object>(
  start: () => Promise<AbortableAsyncIterator<T>>,
  toError: (err: unknown) => LlmError,
): AsyncGenerator<T, void> {
  let stream: AbortableAsyncIterator<T>
  try {
    stream = await start()
  } catch (err) {
    throw toError(err)
  }
  try {
    const iterator = stream[Symbol.asyncIterator]()
    for (;;) {
      let next: IteratorResult<T, void>
      try {
        next = await iterator.next()
      } catch (err) {
        throw toError(err)
      }
      if (next.done) return
      yield next.value
    }
  } finally {
    stream.abort()
  }
}

function usageOf(response: Partial<ChatResponse>): Usage {
  return { promptTokens: response.prompt_eval_count, completionTokens: response.eval_count }
}

/** Ollama's JSON says string; the SDK's types say Date. Accept both. */
export function isoDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined
  return value instanceof Date ? value.toISOString() : String(value)
}

export function toProviderModel(model: ModelResponse): ProviderModel {
  return {
    name: model.name,
    size: model.size,
    modifiedAt: isoDate(model.modified_at),
    family: model.details?.family,
    parameterSize: model.details?.parameter_size,
    quantization: model.details?.quantization_level,
  }
}

export class OllamaProviderClient implements ProviderClient {
  readonly provider: string
  private readonly sdk: Ollama

  constructor(
    OllamaSdk: OllamaConstructor,
    private readonly settings: ProviderSettings,
  ) {
    this.provider = settings.provider ?? 'ollama'
    this.sdk = connectSdk(OllamaSdk, settings)
  }

  private chatRequest<S extends boolean>(request: ProviderRequest, stream: S) {
    const { maxTokens, temperature } = request
    const messages = turnsWithSystem(request)
    const body: ChatRequest & { stream: S } = { model: request.model, messages, stream }
    if (temperature !== undefined || maxTokens !== undefined) {
      const options: ChatRequest['options'] = {}
      if (temperature !== undefined) options.temperature = temperature
      if (maxTokens !== undefined) options.num_predict = maxTokens
      body.options = options
    }
    if (request.jsonMode) body.format = 'json'
    if (this.settings.keepAlive !== undefined) body.keep_alive = this.settings.keepAlive
    return body
  }

  private open(signal?: AbortSignal): OllamaCall {
    return callOn(this.sdk, this.settings, signal)
  }

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    const { signal } = request
    const ollama = signal === undefined ? this.sdk : this.open(signal).ollama
    try {
      const response = await ollama.chat(this.chatRequest(request, false))
      return { text: response.message?.content ?? '', usage: usageOf(response) }
    } catch (err) {
      throw mapError(err, errorContext(this.settings, request.model, signal))
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    const call = this.open(request.signal)
    const chunks = mappedStream(
      () => call.ollama.chat(this.chatRequest(request, true)),
      (err) => mapError(err, call.errorContext(request.model)),
    )
    for await (const chunk of chunks) {
      if (chunk.message?.content) yield { type: 'delta', text: chunk.message.content }
      if (chunk.done) yield { type: 'usage', usage: usageOf(chunk) }
    }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    const call = this.open(signal)
    try {
      const { models } = await call.ollama.list()
      return models.map(toProviderModel)
    } catch (err) {
      throw mapError(err, call.errorContext())
    }
  }
}
