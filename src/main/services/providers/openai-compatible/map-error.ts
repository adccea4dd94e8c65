// Maps openai SDK failures from any OpenAI-compatible server (OpenAI, vLLM, OpenRouter, xAI…) to LlmError.
import type { LlmError } from '../../../../shared/llm'
import type { HttpFailure, ProviderErrors } from '../http-errors'
import { retryAfterFromHeaders } from '../retry-after'
import type { FailedResponseBodies } from './failed-bodies'
import {
  mapStainlessError,
  messageOf,
  type ErrorBodyReader,
  type StainlessErrorClasses,
} from '../stainless-errors'

/** The `code` of an OpenAI-style error body, nested (`{error: {code}}`) or flat (older vLLM). */
function codeOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  const { error, code } = body as { error?: unknown; code?: unknown }
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : code
}

/** OpenAI says `code: "model_not_found"`; vLLM and others only say so in words. */
function namesModel(body: unknown, detail: string | undefined): boolean {
  return codeOf(body) === 'model_not_found' || /\bmodel\b/i.test(detail ?? '')
}

/** OpenRouter puts the upstream status in an in-stream error's `code`. */
function streamedStatus(body: unknown): number | undefined {
  const code = codeOf(body)
  if (typeof code === 'number' && code >= 400 && code < 600) return code
  return typeof code === 'string' && /^[45]\d\d$/.test(code) ? Number(code) : undefined
}

/** Reads OpenAI-style error bodies, falling back to the copy `bodies` kept when the SDK dropped one. */
export function openAiErrorBodies(bodies: FailedResponseBodies): ErrorBodyReader {
  return {
    http({ status, error, headers }): HttpFailure {
      const body = bodies.bodyOf(headers) ?? error
      const detail = messageOf(body)
      return {
        status,
        detail,
        retryAfterMs: status === 429 || status >= 500 ? retryAfterFromHeaders(headers) : undefined,
        addressNotFound: status === 404 && !namesModel(body, detail),
      }
    },
    streamed(body) {
      const status = streamedStatus(body)
      return status === undefined ? undefined : { status, detail: messageOf(body) }
    },
    detail: messageOf,
  }
}

export function mapOpenAiError(
  error: unknown,
  errors: ProviderErrors,
  sdk: StainlessErrorClasses,
  bodies: FailedResponseBodies,
  signal?: AbortSignal,
): LlmError {
  return mapStainlessError(error, errors, sdk, openAiErrorBodies(bodies), signal)
}
