// Maps @mistralai/mistralai failures (MistralError with status and body, client errors) to LlmError.
import type * as MistralErrors from '@mistralai/mistralai/models/errors'
import { LlmError } from '../../../../shared/llm'
import { isAbortError, type HttpFailure, type ProviderErrors } from '../http-errors'
import { retryAfterFromHeaders } from '../retry-after'
import { messageOf } from '../stainless-errors'

/** The SDK's error classes, taken from the dynamically loaded module so `instanceof` holds. */
export type MistralErrorClasses = Pick<
  typeof MistralErrors,
  'MistralError' | 'RequestAbortedError' | 'RequestTimeoutError' | 'ConnectionError'
>

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text || undefined
  }
}

/**
 * Mistral's body: `{object: "error", message, type, code}`; an unknown model is a 400 of type
 * `invalid_model` ("Invalid model: x"), which the factory calls model_not_found.
 */
export function mistralHttpFailure(
  status: number,
  bodyText: string,
  headers: Headers,
): HttpFailure {
  const body = parse(bodyText)
  const detail = messageOf(body)
  const type = (body as { type?: unknown } | undefined)?.type
  return {
    status,
    detail,
    ...(type === 'invalid_model' ? { code: 'model_not_found' as const } : {}),
    retryAfterMs: status === 429 || status >= 500 ? retryAfterFromHeaders(headers) : undefined,
    addressNotFound: status === 404 && !/\bmodel\b/i.test(detail ?? ''),
  }
}

export function mapMistralError(
  error: unknown,
  errors: ProviderErrors,
  sdk: MistralErrorClasses,
  signal?: AbortSignal,
): LlmError {
  if (error instanceof LlmError) return error
  // Checked first: after an abort the SDK may report anything from RequestAbortedError to a dead socket.
  if (signal?.aborted || error instanceof sdk.RequestAbortedError || isAbortError(error)) {
    return errors.aborted(error)
  }
  if (error instanceof sdk.RequestTimeoutError) return errors.timeout(error)
  if (error instanceof sdk.ConnectionError) return errors.unreachable(error)
  if (error instanceof sdk.MistralError) {
    return errors.http(mistralHttpFailure(error.statusCode, error.body, error.headers), error)
  }
  // A raw TypeError comes from reading a body whose socket died (undici: "terminated").
  if (error instanceof TypeError) return errors.connectionLost(error)
  return errors.unexpected(error)
}
