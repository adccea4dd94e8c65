// AppApi: what the renderer talks to — the contract's methods plus events, whatever the transport.
import type {
  ApiMethods,
  ApiResult,
  AppErrorCode,
  AppErrorData,
  Channel,
  Subscribe,
  Transport,
} from '../../shared/contract'
import { isAppErrorCode } from '../../shared/contract'

export type AppApi = ApiMethods & {
  readonly transport: Transport
  /** Subscribe to a contract event; returns the unsubscribe function. */
  on: Subscribe
}

/** A failed call, with the contract's error code (stores show `message`, branch on `code`). */
export class AppError extends Error implements AppErrorData {
  readonly code: AppErrorCode

  constructor(data: AppErrorData) {
    super(data.message)
    this.name = 'AppError'
    this.code = data.code
  }
}

export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value
  throw new AppError(result.error)
}

/** Accepts only the contract's result shape from a transport; anything else is `internal`. */
export function asApiResult(value: unknown, channel: Channel): ApiResult<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const candidate = value as { ok: unknown; value?: unknown; error?: Partial<AppErrorData> }
    if (candidate.ok === true) return { ok: true, value: candidate.value }
    const error = candidate.error
    if (candidate.ok === false && error && isAppErrorCode(error.code)) {
      return { ok: false, error: { code: error.code, message: String(error.message ?? '') } }
    }
  }
  return { ok: false, error: { code: 'internal', message: `Unexpected reply from ${channel}.` } }
}

/** A readable sentence from anything a store caught. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
