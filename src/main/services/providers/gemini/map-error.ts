// Maps @google/generative-ai failures (and Google's JSON error bodies) to the one LlmError type.
import type * as GenerativeAi from '@google/generative-ai'
import { LlmError } from '../../../../shared/llm'
import { isAbortError, type HttpFailure, type ProviderErrors } from '../http-errors'
import { parseGoogleDuration } from '../retry-after'

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

/** Reads a Google error (`{error: {code, message, status, details}}`) the way the factory needs it. */
export function googleHttpFailure(
  status: number,
  message: string | undefined,
  details: readonly ErrorDetail[] | undefined,
): HttpFailure {
  const list = details ?? []
  const retryInfo = list.find((detail) => String(detail['@type']).endsWith('google.rpc.RetryInfo'))
  return {
    status,
    detail: message,
    // Google says "bad key" with 400 INVALID_ARGUMENT; only ErrorInfo's reason tells it apart.
    keyRejected: list.some((detail) => detail.reason === 'API_KEY_INVALID'),
    retryAfterMs: parseGoogleDuration(retryInfo?.retryDelay),
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
): LlmError {
  if (error instanceof LlmError) return error
  // Checked first: after an abort the SDK may report a read error rather than an AbortError.
  if (signal?.aborted || error instanceof sdk.GoogleGenerativeAIAbortError || isAbortError(error)) {
    return errors.aborted(error)
  }
  if (error instanceof sdk.GoogleGenerativeAIFetchError && error.status !== undefined) {
    const failure = googleHttpFailure(error.status, serverMessage(error), error.errorDetails)
    return errors.http(failure, error)
  }
  if (error instanceof sdk.GoogleGenerativeAIResponseError) {
    return errors.unexpected(error, error.message.replace(SDK_PREFIX, ''))
  }
  if (error instanceof sdk.GoogleGenerativeAIError) {
    // The SDK drops the network error's cause; its own wording is all that tells these apart.
    const message = error.message.replace(SDK_PREFIX, '')
    if (message.startsWith('Error fetching from')) return errors.unreachable(error)
    if (/^(Error reading from the stream|Failed to parse stream)/.test(message)) {
      return errors.connectionLost(error)
    }
    return errors.unexpected(error, message)
  }
  // Our own fetch (the model list): "fetch failed" when nothing answers.
  if (error instanceof TypeError) return errors.unreachable(error)
  return errors.unexpected(error)
}
