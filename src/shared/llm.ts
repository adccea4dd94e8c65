// The factory's vocabulary shared by main, CLI and renderer: providers, provenance, options, results, errors.
import type { CallAttempt } from './failover'

/**
 * A provider's registry name (`ollama`, `vllm`, a custom endpoint's name…). Open: names are
 * checked at run time against the workspace's registry (src/shared/providers.ts + custom ones).
 */
export type ProviderName = string

export const DEFAULT_OLLAMA_BASE_URL = 'http://localhost:11434'

export const CONFIG_LAYERS = [
  'argument',
  'factory-config',
  'global-config',
  'cloud-run-preference',
  'default',
] as const
export type ConfigLayer = (typeof CONFIG_LAYERS)[number]

/** Where a resolved value came from: `origin` is a file path, `env:NAME` or `dotenv:NAME`. */
export interface Provenance {
  layer: ConfigLayer
  key: string
  origin: string
}

/** One place the resolver looked at, in order; `status` tells whether it supplied the value. */
export interface ProvenanceStep extends Provenance {
  status: 'won' | 'shadowed' | 'absent' | 'skipped'
  /** The value found there (keys are masked), when there was one. */
  value?: string
  /** Why a found value was not used (e.g. "vllm: no handler in this app"). */
  reason?: string
}

export interface ResolvedField<T> {
  value: T
  source: Provenance
  chain: ProvenanceStep[]
}

export type ChatRole = 'user' | 'assistant'
export interface ChatMessage {
  role: ChatRole
  content: string
}

export interface GenerateOptions {
  model?: string
  maxTokens?: number
  temperature?: number
  jsonMode?: boolean
  system?: string
  /** Earlier turns of a conversation, oldest first; the prompt is appended as the last user turn. */
  history?: ChatMessage[]
  /**
   * Assistant prefill: the answer starts with this text and the model writes what follows (sent
   * as a last assistant message after the prompt). Only for protocols that continue such a message
   * (Anthropic); the deltas and the final text are the new part only.
   */
  prefill?: string
  signal?: AbortSignal
}

export interface Usage {
  promptTokens?: number
  completionTokens?: number
}

export interface Timings {
  /** Milliseconds from the call to the first text delta (streaming) or to the answer. */
  firstTokenMs: number
  totalMs: number
  /** Completion tokens per second of generation, when it can be computed. */
  tokensPerSecond?: number
  /** Time spent waiting for a rate-budget slot or a cooldown before the request went out. */
  queuedMs?: number
}

/** Where an answer came from, when that is more than the handler's own provider and URL. */
export interface AnswerRoute {
  /** The base URL that answered (Ollama's fallback_url, or the chain entry's). */
  baseUrl?: string | null
  /** Attempts that failed before this answer (fallback URL, failover chain). */
  attempts?: CallAttempt[]
}

export interface GenerateResult extends AnswerRoute {
  text: string
  provider: ProviderName
  model: string
  usage: Usage
  timings: Timings
}

export type StreamEvent =
  | { type: 'delta'; text: string }
  | ({
      type: 'done'
      text: string
      usage: Usage
      timings: Timings
      provider: ProviderName
      model: string
    } & AnswerRoute)

/** One model a provider lists (`listModels`); Ollama's local list adds a digest to it. */
export interface ProviderModel {
  name: string
  /** Bytes on disk (Ollama) when known. */
  size?: number
  modifiedAt?: string
  family?: string
  parameterSize?: string
  quantization?: string
  displayName?: string
}

export const LLM_ERROR_CODES = [
  'auth',
  'rate_limit',
  'unreachable',
  'timeout',
  'model_not_found',
  'bad_request',
  'aborted',
  'invalid_json',
  'provider',
] as const
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number]

export interface LlmErrorData {
  code: LlmErrorCode
  message: string
  provider?: string
  model?: string
  status?: number
  retryAfterMs?: number
  /** For invalid_json: the text the model returned. */
  text?: string
}

/** The one error type every provider failure becomes. */
export class LlmError extends Error implements LlmErrorData {
  readonly code: LlmErrorCode
  readonly provider?: string
  readonly model?: string
  readonly status?: number
  readonly retryAfterMs?: number
  readonly text?: string

  constructor(data: LlmErrorData, options?: { cause?: unknown }) {
    super(data.message, options)
    this.name = 'LlmError'
    this.code = data.code
    this.provider = data.provider
    this.model = data.model
    this.status = data.status
    this.retryAfterMs = data.retryAfterMs
    this.text = data.text
  }

  /** Worth another attempt: 429, 5xx, or a connection that was reset (not one that was refused). */
  get retryable(): boolean {
    return (
      this.code === 'rate_limit' ||
      (this.code === 'provider' && (this.status ?? 0) >= 500) ||
      (this.code === 'unreachable' && isConnectionReset(this))
    )
  }

  toJSON(): LlmErrorData {
    const { code, message, provider, model, status, retryAfterMs, text } = this
    return { code, message, provider, model, status, retryAfterMs, text }
  }
}

/** A reset or dropped connection (worth retrying), as opposed to nothing listening (not worth it). */
export function isConnectionReset(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return true
    if (/socket hang up|other side closed|terminated/i.test(e.message)) return true
    e = e.cause
  }
  return false
}

/** `gsk_abcdef…9f2a`-style mask: enough to recognise a key, never enough to use it. */
export function maskSecret(secret: string | undefined | null): string | null {
  if (!secret) return null
  if (secret.length <= 8) return '…' + secret.slice(-2)
  const prefix = /^[a-z]{2,5}[_-]/i.exec(secret)?.[0] ?? secret.slice(0, 4)
  return `${prefix}…${secret.slice(-4)}`
}
