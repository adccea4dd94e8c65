// Maps groq-sdk failures (APIError family, fetch and stream errors) to the one LlmError type.
import type Groq from 'groq-sdk'
import type { APIError } from 'groq-sdk'
import { LlmError } from '../../../../shared/llm'
import { isAbortError, type ProviderErrors } from '../http-errors'
import { parseRetryAfter } from '../retry-after'

/** The SDK's error classes, taken from the dynamically loaded module so `instanceof` holds. */
export type GroqErrorClasses = Pick<
  typeof Groq,
  'APIError' | 'APIUserAbortError' | 'APIConnectionError' | 'APIConnectionTimeoutError'
>

/** Groq's body is `{error: {message, type, code}}`; an SSE error event carries the inner object. */
function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const inner = 'error' in body ? body.error : body
  if (typeof inner !== 'object' || inner === null) return undefined
  const message = (inner as { message?: unknown }).message
  return typeof message === 'string' ? message : undefined
}

/** A guard rather than a bare instanceof, which would type the error as APIError<any, any, any>. */
function isApiError(error: unknown, sdk: GroqErrorClasses): error is APIError {
  return error instanceof sdk.APIError
}

export function mapGroqError(
  error: unknown,
  errors: ProviderErrors,
  sdk: GroqErrorClasses,
  signal?: AbortSignal,
): LlmError {
  if (error instanceof LlmError) return error
  // Checked first: after an abort the SDK may report anything from APIUserAbortError to a dead socket.
  if (signal?.aborted || error instanceof sdk.APIUserAbortError || isAbortError(error)) {
    return errors.aborted(error)
  }
  if (error instanceof sdk.APIConnectionTimeoutError) return errors.timeout(error)
  if (error instanceof sdk.APIConnectionError) return errors.unreachable(error)
  if (isApiError(error, sdk)) {
    const detail = detailOf(error.error)
    // No status: an error event inside a 200 stream.
    if (error.status === undefined) return errors.unexpected(error, detail)
    const retryAfterMs = parseRetryAfter(error.headers?.get('retry-after'))
    return errors.http({ status: error.status, detail, retryAfterMs }, error)
  }
  // A raw TypeError comes from reading a body whose socket died (undici: "terminated").
  if (error instanceof TypeError) return errors.connectionLost(error)
  return errors.unexpected(error)
}
