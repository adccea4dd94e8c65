// The small interface each provider folder implements; retries, abort, timing and JSON checks live in the factory.
import type { ChatMessage, ChatRole, ProviderModel, Usage } from '../../../shared/llm'

/** What a provider needs to build its SDK client. */
export interface ProviderSettings {
  model: string
  /** The registry name this client serves (a protocol folder serves many: `vllm`, `grok`, …); defaults to the protocol's name. */
  provider?: string
  /** How people name the service in messages (e.g. "OpenRouter API"); defaults from the protocol. */
  displayName?: string
  /** The environment variable named in "set …" hints when the key is missing or rejected. */
  keyVariable?: string
  apiKey?: string
  /** Resolved base URL; undefined means the SDK's own default. */
  baseUrl?: string
  /** Extra HTTP headers (e.g. Authorization for a secured remote Ollama). */
  headers?: Record<string, string>
  /** Ollama `keep_alive`, sent with each request when set (e.g. "5m", 0). */
  keepAlive?: string | number
  /** Injected fetch (tests, proxies). SDKs that cannot take one use the global fetch. */
  fetch?: typeof fetch
  /** Mock provider only: simulated latency (from `llm.mock.latency_ms` / `chunk_delay_ms`). */
  mock?: { latencyMs?: number; chunkDelayMs?: number; chunkSize?: number }
}

/** One request as the factory hands it to a provider. */
export interface ProviderRequest {
  model: string
  messages: ChatMessage[]
  system?: string
  maxTokens?: number
  temperature?: number
  jsonMode?: boolean
  /**
   * Aborts the HTTP request (user Stop or the factory's timeout). Undefined when nothing can abort
   * it: the SDK call then goes without a signal (no listener, no allocation on the hot path).
   */
  signal?: AbortSignal
}

/** A turn as the chat APIs that carry the system prompt as a turn take it (Ollama, OpenAI, Groq, Mistral). */
export interface ChatTurn {
  role: ChatRole | 'system'
  content: string
}

/** The system prompt first when there is one, then the request's turns as they are (not copied). */
export function turnsWithSystem(request: ProviderRequest): ChatTurn[] {
  const { system, messages } = request
  return system ? [{ role: 'system', content: system }, ...messages] : messages
}

/** Per-request options for the Stainless SDKs (groq-sdk, openai): the signal when there is one. */
export function sdkOptions(request: ProviderRequest): { signal: AbortSignal } | undefined {
  return request.signal === undefined ? undefined : { signal: request.signal }
}

export type ProviderChunk = { type: 'delta'; text: string } | { type: 'usage'; usage: Usage }

export type { ProviderModel } from '../../../shared/llm'

/**
 * A provider client built from one SDK. Every method rejects only with `LlmError`
 * (the provider maps its SDK's errors; see `mapError` in each folder).
 */
export interface ProviderClient {
  readonly provider: string
  generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }>
  stream(request: ProviderRequest): AsyncIterable<ProviderChunk>
  listModels(signal?: AbortSignal): Promise<ProviderModel[]>
}

/** Each provider folder's index.ts default-exports one of these; it loads its SDK with `import()`. */
export type ProviderClientFactory = (settings: ProviderSettings) => Promise<ProviderClient>
