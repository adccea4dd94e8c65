// Lets a call out to an endpoint only when its budget, cooldown and circuit allow; waits are bounded.
import type { EndpointState, Ticket } from '../resilience'
import type { Clock } from '../resilience'
import { NotSentError } from './attempts'

export interface GateOptions {
  /** Longest total wait for a slot; a longer one fails at once with rate_limit (0 in a chain). */
  maxQueueWaitMs: number
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>
  signal: AbortSignal | undefined
  context: { provider: string; model: string }
}

/** A few rounds at most: each wait ends when the blocking slot frees, so a second rarely follows. */
const MAX_ROUNDS = 8

/**
 * Waits until the endpoint lets the call out (the caller checked it may not go now), at most
 * `maxQueueWaitMs` in all; a longer wait fails at once as not sent.
 */
export async function waitAtGate(
  state: EndpointState,
  clock: Clock,
  tokens: number,
  options: GateOptions,
): Promise<Ticket> {
  let queuedMs = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const refusal = state.check(clock.now(), tokens)
    if (!refusal) break
    if (queuedMs + refusal.waitMs > options.maxQueueWaitMs) {
      throw new NotSentError(
        {
          ...options.context,
          code: refusal.code,
          message: refusal.message,
          ...(Number.isFinite(refusal.waitMs) ? { retryAfterMs: Math.ceil(refusal.waitMs) } : {}),
        },
        refusal.reason,
      )
    }
    await options.sleep(refusal.waitMs, options.signal)
    queuedMs += refusal.waitMs
  }
  return state.admit(clock.now(), tokens, queuedMs)
}

/** A rough prompt size for tokens-per-minute budgets: four characters a token. */
export function estimateTokens(
  system: string | undefined,
  messages: readonly { content: string }[],
): number {
  let chars = system?.length ?? 0
  for (const message of messages) chars += message.content.length
  return Math.ceil(chars / 4)
}
