// Written once for every provider: abort and timeout signals, retries honouring retry-after.
import { LlmError } from '../../../shared/llm'

export interface CallPolicy {
  /** Retries after the first attempt (429, 5xx, connection reset); never after a streamed token. */
  maxRetries: number
  /** Waits longer than this are not slept through: the rate_limit error goes to the caller. */
  maxRetryWaitMs: number
  /** Backoff when the provider gives no retry-after: base × 2^attempt. */
  backoffBaseMs: number
  timeoutMs?: number
  /** Without a signal the wait cannot be cut short (nothing could abort the call). */
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>
  now: () => number
}

export const DEFAULT_CALL_POLICY: CallPolicy = {
  maxRetries: 2,
  maxRetryWaitMs: 20_000,
  backoffBaseMs: 500,
  sleep: abortableSleep,
  now: () => performance.now(),
}

export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms))
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * One call's signal: the caller's Stop plus the configured timeout, told apart when they fire. With
 * neither there is nothing to abort, so no signal, controller or timer is made (`signal` undefined).
 */
export class CallSignal {
  /** Neither a Stop signal nor a timeout: nothing to abort, so one stateless instance serves every call. */
  static readonly NONE = new CallSignal(undefined, undefined)

  static of(user: AbortSignal | undefined, timeoutMs: number | undefined): CallSignal {
    return user === undefined && timeoutMs === undefined
      ? CallSignal.NONE
      : new CallSignal(user, timeoutMs)
  }

  readonly signal: AbortSignal | undefined
  private readonly timeout: AbortController | undefined
  private readonly timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly user: AbortSignal | undefined,
    private readonly timeoutMs: number | undefined,
  ) {
    if (timeoutMs === undefined) {
      this.signal = user
      return
    }
    const controller = new AbortController()
    this.timeout = controller
    this.timer = setTimeout(
      () => controller.abort(new DOMException('timed out', 'TimeoutError')),
      timeoutMs,
    )
    this.signal = user ? AbortSignal.any([user, controller.signal]) : controller.signal
  }

  get aborted(): boolean {
    return this.signal?.aborted === true
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  /** Turns whatever a call threw into the one error type, naming abort and timeout correctly. */
  toLlmError(err: unknown, context: { provider: string; model: string }): LlmError {
    if (this.timeout?.signal.aborted && !this.user?.aborted) {
      const seconds = Math.round((this.timeoutMs ?? 0) / 100) / 10
      return new LlmError(
        {
          ...context,
          code: 'timeout',
          message: `${context.provider} gave no answer within ${seconds} s — raise llm.${context.provider}.timeout or try a smaller model.`,
        },
        { cause: err },
      )
    }
    if (this.user?.aborted) {
      return new LlmError({ ...context, code: 'aborted', message: 'Stopped.' }, { cause: err })
    }
    if (err instanceof LlmError) return err
    const message = err instanceof Error ? err.message : String(err)
    return new LlmError({ ...context, code: 'provider', message }, { cause: err })
  }
}

/** Whether to try again, and after how long (undefined = do not retry). */
export function retryDelay(err: LlmError, attempt: number, policy: CallPolicy): number | undefined {
  if (attempt >= policy.maxRetries) return undefined
  if (!err.retryable) return undefined
  const wait = err.retryAfterMs ?? policy.backoffBaseMs * 2 ** attempt
  return wait <= policy.maxRetryWaitMs ? wait : undefined
}
