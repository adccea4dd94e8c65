// Maps @google/generative-ai failures (and Google's JSON error bodies) to the one LlmError type.
import type * as GenerativeAi from '@google/generative-ai'
import { isConnectionReset, LlmError } from '../../../../shared/llm'
import { isAbortError, type HttpFailure, type ProviderErrors } from '../http-errors'
import { parseGoogleDuration, retryAfterFromHeaders } from '../retry-after'
import type { GeminiCall } from './call-capture'

/** The SDK's error classes, taken from the dynamically loaded module so `instanceof` holds. */
export type GeminiErrorClasses = Pick<
  typeof GenerativeAi,
  | 'GoogleGenerativeAIError'
  | 'GoogleGenerativeAIFetchError'
  | 'GoogleGenerativeAIAbortError'
  | 'GoogleGenerativeAIResponseError'
>

/** One entry of Google's `error.details` (google.rpc.ErrorInfo, RetryInfo, …). */
type ErrorDetail = Record<string, unknown>

const SDK_PREFIX = /^\[GoogleGenerativeAI Error\]: /

/**
 * Reads a Google error (`{error: {code, message, status, details}}`) the way the factory needs it.
 * The wait before a retry: RetryInfo's `retryDelay` in the body, else the HTTP `Retry-After`; a 503
 * that names one is an overloaded service (`rate_limit`), as a 429 is.
 */
export function googleHttpFailure(
  status: number,
  message: string | undefined,
  details: readonly ErrorDetail[] | undefined,
  headers?: Headers,
): HttpFailure {
  const list = details ?? []
  const retryInfo = list.find((detail) => String(detail['@type']).endsWith('google.rpc.RetryInfo'))
  const waits = status === 429 || status === 503
  const retryAfterMs = waits
    ? (parseGoogleDuration(retryInfo?.retryDelay) ?? retryAfterFromHeaders(headers))
    : undefined
  return {
    status,
    detail: message,
    // Google says "bad key" with 400 INVALID_ARGUMENT; only ErrorInfo's reason tells it apart.
    keyRejected: list.some((detail) => detail.reason === 'API_KEY_INVALID'),
    retryAfterMs,
    ...(status === 503 && retryAfterMs !== undefined ? { code: 'rate_limit' as const } : {}),
  }
}

/** The SDK folds URL, status and details into its message; keep only what the server said. */
function serverMessage(error: GenerativeAi.GoogleGenerativeAIFetchError): string | undefined {
  let text = error.message
    .replace(SDK_PREFIX, '')
    .replace(/^Error fetching from \S+: \[[^\]]*\] ?/, '')
  if (error.errorDetails) text = text.replace(` ${JSON.stringify(error.errorDetails)}`, '')
  return text.trim() || undefined
}

export function mapGeminiError(
  error: unknown,
  errors: ProviderErrors,
  sdk: GeminiErrorClasses,
  signal?: AbortSignal,
  call?: GeminiCall,
): LlmError {
  if (error instanceof LlmError) return error
  // Checked first: after an abort the SDK may report a read error rather than an AbortError.
  if (signal?.aborted || error instanceof sdk.GoogleGenerativeAIAbortError || isAbortError(error)) {
    return errors.aborted(error)
  }
  if (error instanceof sdk.GoogleGenerativeAIFetchError && error.status !== undefined) {
    const failure = googleHttpFailure(
      error.status,
      serverMessage(error),
      error.errorDetails,
      call?.responseHeaders,
    )
    return errors.http(failure, error)
  }
  if (error instanceof sdk.GoogleGenerativeAIResponseError) {
    return errors.unexpected(error, error.message.replace(SDK_PREFIX, ''))
  }
  if (error instanceof sdk.GoogleGenerativeAIError) {
    // The SDK drops the network error's cause; the call record kept it (a reset is worth a retry).
    const message = error.message.replace(SDK_PREFIX, '')
    if (message.startsWith('Error fetching from')) {
      const cause = call?.fetchError ?? error
      return isConnectionReset(cause) ? errors.connectionLost(cause) : errors.unreachable(cause)
    }
    if (/^(Error reading from the stream|Failed to parse stream)/.test(message)) {
      return errors.connectionLost(error)
    }
    return errors.unexpected(error, message)
  }
  // Our own fetch (the model list): "fetch failed" when nothing answers.
  if (error instanceof TypeError) return errors.unreachable(error)
  return errors.unexpected(error)
}
