// Maps @anthropic-ai/sdk failures (HTTP errors, `error` events mid-stream, 529 overloaded) to LlmError.
import type { LlmError } from '../../../../shared/llm'
import type { HttpFailure, ProviderErrors } from '../http-errors'
import { retryAfterFromHeaders } from '../retry-after'
import {
  mapStainlessError,
  type ErrorBodyReader,
  type StainlessErrorClasses,
} from '../stainless-errors'

/** The status each documented error `type` comes with (docs: "HTTP errors"), for mid-stream events. */
const STATUS_OF_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
}

/** Anthropic's body: `{type: "error", error: {type, message}, request_id}`. */
function innerError(body: unknown): { type?: string; message?: string } {
  const inner = (body as { error?: unknown } | null)?.error
  if (typeof inner !== 'object' || inner === null) return {}
  const { type, message } = inner as { type?: unknown; message?: unknown }
  return {
    type: typeof type === 'string' ? type : undefined,
    message: typeof message === 'string' ? message : undefined,
  }
}

function failure(status: number, body: unknown, headers?: Headers): HttpFailure {
  const { type, message } = innerError(body)
  // 529 is Anthropic-wide load, not this request's fault: like a 429, wait and try again.
  const overloaded = status === 529 || type === 'overloaded_error'
  const waits = overloaded || status === 429 || status >= 500
  return {
    status,
    detail: message,
    ...(overloaded ? { code: 'rate_limit' as const } : {}),
    retryAfterMs: waits ? retryAfterFromHeaders(headers) : undefined,
    // "model: claude-x" when the model is unknown; "Not Found" when the URL is wrong.
    addressNotFound: status === 404 && !/\bmodel\b/i.test(message ?? ''),
  }
}

export const anthropicErrorBodies: ErrorBodyReader = {
  http: ({ status, error, headers }) => failure(status, error, headers),
  streamed(body) {
    const status = STATUS_OF_TYPE[innerError(body).type ?? '']
    return status === undefined ? undefined : failure(status, body)
  },
  detail: (body) => innerError(body).message,
}

export function mapAnthropicError(
  error: unknown,
  errors: ProviderErrors,
  sdk: StainlessErrorClasses,
  signal?: AbortSignal,
): LlmError {
  return mapStainlessError(error, errors, sdk, anthropicErrorBodies, signal)
}
