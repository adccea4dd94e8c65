// Failed attempts as data: the error that carries them (RoutedError) and building one from a failure.
import type { CallAttempt, NotSentReason } from '../../../shared/failover'
import { LlmError } from '../../../shared/llm'
import { redactSecrets } from '../../../shared/redaction'

/** Where an attempt went. */
export interface AttemptTarget {
  provider: string
  model: string | null
  baseUrl: string | null
}

/** A call's final error plus every attempt before it (the route a failed call took). */
export class RoutedError extends LlmError {
  readonly attempts: CallAttempt[]

  constructor(error: LlmError, attempts: CallAttempt[], message?: string) {
    super({ ...error.toJSON(), ...(message === undefined ? {} : { message }) }, { cause: error })
    this.name = 'RoutedError'
    this.attempts = attempts
  }
}

/** Nothing was sent: a budget, cooldown or open circuit refused the call before it went out. */
export class NotSentError extends LlmError {
  constructor(
    error: ConstructorParameters<typeof LlmError>[0],
    readonly notSent: NotSentReason,
  ) {
    super(error)
    this.name = 'NotSentError'
  }
}

export function attemptsOf(error: unknown): CallAttempt[] {
  return error instanceof RoutedError ? error.attempts : []
}

export function attemptFrom(
  error: LlmError,
  target: AttemptTarget,
  ms: number,
  apiKey?: string | null,
): CallAttempt {
  let message = redactSecrets(error.message)
  if (apiKey && apiKey.length >= 8) message = message.split(apiKey).join('…')
  const notSent = error instanceof NotSentError ? error.notSent : undefined
  return {
    ...target,
    code: error.code,
    message,
    ms: Math.round(ms * 10) / 10,
    ...(notSent ? { notSent } : {}),
  }
}

/** The attempt for an entry passed over without a request (no handler, no key). */
export function skippedAttempt(
  target: AttemptTarget,
  notSent: NotSentReason,
  message: string,
): CallAttempt {
  return { ...target, code: notSent === 'no_key' ? 'auth' : 'bad_request', message, ms: 0, notSent }
}
