// Codes and words a failed cloud-provider call the same way for every SDK: one vocabulary for people.
import { LlmError, type LlmErrorCode } from '../../../shared/llm'

export interface ProviderErrorContext {
  provider: string
  /** How people name the service in messages, e.g. "Groq API". */
  service: string
  model?: string
  /** The base URL as configured, for "not reachable at …". */
  baseUrl: string
  /** The environment variable that holds the key, named in the auth hint. */
  keyVariable: string
}

/** An HTTP error response, reduced to what decides the code and the message. */
export interface HttpFailure {
  status: number
  /** The server's own explanation, when it gave one. */
  detail?: string
  retryAfterMs?: number
  /** The server said the key is invalid with another status (Gemini: 400 API_KEY_INVALID). */
  keyRejected?: boolean
  /**
   * The body names the kind better than the status does: Anthropic's 529 `overloaded_error` is a
   * rate limit, Mistral's 400 `invalid_model` an unknown model.
   */
  code?: LlmErrorCode
  /** A 404 that names no model: nothing lives at that path, so the base URL is wrong. */
  addressNotFound?: boolean
}

export function codeForStatus(status: number, keyRejected = false): LlmErrorCode {
  if (keyRejected || status === 401 || status === 403) return 'auth'
  if (status === 404) return 'model_not_found'
  if (status === 429) return 'rate_limit'
  if (status === 408) return 'timeout'
  if (status >= 400 && status < 500) return 'bad_request'
  return 'provider'
}

/** fetch, undici and the SDKs all name a cancelled request this way. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

/** Builds the LlmError for each kind of failure, bound to one provider and model. */
export class ProviderErrors {
  constructor(private readonly context: ProviderErrorContext) {}

  http(failure: HttpFailure, cause?: unknown): LlmError {
    const { service, model, keyVariable } = this.context
    const { status, detail, retryAfterMs } = failure
    const said = detail ? ` (${status}: ${detail})` : ` (HTTP ${status})`
    if (failure.addressNotFound && !failure.keyRejected) {
      const message = `${service} found nothing at ${this.context.baseUrl}${said}. Check the base URL (with or without /v1).`
      return this.make({ code: 'bad_request', message, status }, cause)
    }
    const code = failure.code ?? codeForStatus(status, failure.keyRejected)
    let message: string
    switch (code) {
      case 'auth':
        message = `${service} rejected the API key${said}. Enter a valid key in the API key field on the Providers screen, or set ${keyVariable}.`
        break
      case 'model_not_found':
        message = model
          ? `${service} has no model "${model}"${said}. Pick one from its model list or check the name.`
          : `${service} found nothing at that address${said}. Check the base URL.`
        break
      case 'rate_limit': {
        const state = status === 429 ? 'rate limit reached' : 'is overloaded'
        message =
          retryAfterMs === undefined
            ? `${service} ${state}${said}. Wait a moment and try again.`
            : `${service} ${state}${said}. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`
        break
      }
      case 'bad_request':
        message = `${service} refused the request${said}. Check the model settings.`
        break
      case 'timeout':
        message = `${service} timed out${said}. Try again.`
        break
      default:
        message = `${service} failed${said}. Try again later.`
    }
    return this.make({ code, message, status, retryAfterMs }, cause)
  }

  aborted(cause?: unknown): LlmError {
    return this.make(
      { code: 'aborted', message: `The ${this.context.service} request was stopped.` },
      cause,
    )
  }

  timeout(cause?: unknown): LlmError {
    const message = `${this.context.service} at ${this.context.baseUrl} did not answer in time. Try again.`
    return this.make({ code: 'timeout', message }, cause)
  }

  unreachable(cause?: unknown): LlmError {
    const message = `${this.context.service} is not reachable at ${this.context.baseUrl} — check the network connection and the base URL.`
    return this.make({ code: 'unreachable', message }, cause)
  }

  /** The socket died after the answer had started: a network failure, so it is coded like one. */
  connectionLost(cause?: unknown): LlmError {
    const message = `The connection to ${this.context.service} at ${this.context.baseUrl} dropped before the answer was complete. Try again.`
    return this.make({ code: 'unreachable', message }, cause)
  }

  /** Anything the SDK threw that fits no other code. */
  unexpected(cause: unknown, detail?: string): LlmError {
    const reason = detail ?? (cause instanceof Error ? cause.message : String(cause))
    const message = `${this.context.service} call failed: ${reason}`
    return this.make({ code: 'provider', message }, cause)
  }

  private make(
    data: { code: LlmErrorCode; message: string; status?: number; retryAfterMs?: number },
    cause: unknown,
  ): LlmError {
    const { provider, model } = this.context
    return new LlmError({ ...data, provider, model }, { cause })
  }
}

/** `vllm` → `VLLM_API_KEY`, `my-endpoint` → `MY_ENDPOINT_API_KEY`: the hint when the registry names none. */
export function apiKeyVariable(provider: string): string {
  return `${provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`
}
