// Maps groq-sdk failures (APIError family, fetch and stream errors) to the one LlmError type.
import type Groq from 'groq-sdk'
import type { LlmError } from '../../../../shared/llm'
import type { ProviderErrors } from '../http-errors'
import { retryAfterFromHeaders } from '../retry-after'
import { mapStainlessError, messageOf, type ErrorBodyReader } from '../stainless-errors'

/** The SDK's error classes, taken from the dynamically loaded module so `instanceof` holds. */
export type GroqErrorClasses = Pick<
  typeof Groq,
  'APIError' | 'APIUserAbortError' | 'APIConnectionError' | 'APIConnectionTimeoutError'
>

/** Groq's body is `{error: {message, type, code}}`; an SSE error event carries the inner object. */
const groqErrorBodies: ErrorBodyReader = {
  http: ({ status, error, headers }) => ({
    status,
    detail: messageOf(error),
    // `retry-after` on a 429, else the x-ratelimit-reset-* of the exhausted limit.
    retryAfterMs: retryAfterFromHeaders(headers),
  }),
  // No status: an error event inside a 200 stream, reported with its words.
  streamed: () => undefined,
  detail: messageOf,
}

export function mapGroqError(
  error: unknown,
  errors: ProviderErrors,
  sdk: GroqErrorClasses,
  signal?: AbortSignal,
): LlmError {
  return mapStainlessError(error, errors, sdk, groqErrorBodies, signal)
}
