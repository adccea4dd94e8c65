// Maps failures of the Stainless-generated SDKs (openai, anthropic, groq-sdk) to the one LlmError.
import { LlmError } from '../../../shared/llm'
import { isAbortError, type HttpFailure, type ProviderErrors } from './http-errors'

type ErrorClass<T> = abstract new (...args: never[]) => T

/** What every Stainless SDK's APIError carries. */
export interface StainlessApiError extends Error {
  readonly status: number | undefined
  readonly headers: Headers | undefined
  /** The parsed error body (or, for an error event inside a stream, the event's error object). */
  readonly error: unknown
}

/** The SDK's error classes, taken from the dynamically loaded module so `instanceof` holds. */
export interface StainlessErrorClasses {
  APIError: ErrorClass<StainlessApiError>
  APIUserAbortError: ErrorClass<Error>
  APIConnectionError: ErrorClass<Error>
  APIConnectionTimeoutError: ErrorClass<Error>
}

/** How one protocol reads its error bodies. */
export interface ErrorBodyReader {
  /** An HTTP error response; `error.error` is the body as the SDK kept it. */
  http(error: StainlessApiError & { status: number }): HttpFailure
  /** An error event inside a 200 stream: a failure when the body tells its kind, else undefined. */
  streamed(body: unknown): HttpFailure | undefined
  /** The server's own words, for anything else. */
  detail(body: unknown): string | undefined
}

/** `{error: {message}}`, `{message}` or `{detail}` (FastAPI servers such as vLLM): the message in it. */
export function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return typeof body === 'string' ? body : undefined
  const record = body as { error?: unknown; message?: unknown; detail?: unknown }
  if (typeof record.error === 'object' && record.error !== null) return messageOf(record.error)
  if (typeof record.error === 'string') return record.error
  if (typeof record.message === 'string') return record.message
  return typeof record.detail === 'string' ? record.detail : undefined
}

export function mapStainlessError(
  error: unknown,
  errors: ProviderErrors,
  sdk: StainlessErrorClasses,
  reader: ErrorBodyReader,
  signal?: AbortSignal,
): LlmError {
  if (error instanceof LlmError) return error
  // Checked first: after an abort the SDK may report anything from APIUserAbortError to a dead socket.
  if (signal?.aborted || error instanceof sdk.APIUserAbortError || isAbortError(error)) {
    return errors.aborted(error)
  }
  if (error instanceof sdk.APIConnectionTimeoutError) return errors.timeout(error)
  if (error instanceof sdk.APIConnectionError) return errors.unreachable(error)
  if (error instanceof sdk.APIError) {
    const { status } = error
    if (status === undefined) {
      const failure = reader.streamed(error.error)
      return failure
        ? errors.http(failure, error)
        : errors.unexpected(error, reader.detail(error.error))
    }
    return errors.http(reader.http(Object.assign(error, { status })), error)
  }
  // A raw TypeError comes from reading a body whose socket died (undici: "terminated").
  if (error instanceof TypeError) return errors.connectionLost(error)
  return errors.unexpected(error)
}
