// The resilience slice of the contract: provider health (budgets, cooldowns, circuits) and failover plans.
import { z } from 'zod'
import type { TypeTag } from './contract'
import { chainSchema } from './failover'
import type { NotSentReason } from './failover'
import type { EndpointHealth } from './provider-health'

function returns<T>(): TypeTag<T> {
  return {}
}

/** One chain entry as a failover call would walk it (what the chain editor shows). */
export interface FailoverPlanEntry {
  provider: string
  model: string | null
  baseUrls: (string | null)[]
  skip?: { notSent: NotSentReason; message: string }
}

export const resilienceMethods = {
  'providers:health': {
    summary:
      "Each provider's health per base URL in this process: ok / cooldown / circuit open, budget use against its limits, last error.",
    input: z.strictObject({}),
    output: returns<EndpointHealth[]>(),
    errors: ['config_invalid'],
  },
  'providers:resetHealth': {
    summary: "Clears a provider's budgets, cooldown and circuit (all providers without one).",
    input: z.strictObject({
      provider: z.string().min(1).max(64).optional(),
      baseUrl: z.string().max(2000).nullable().optional(),
    }),
    output: returns<{ reset: number }>(),
    errors: [],
  },
  'failover:plan': {
    summary:
      'How a failover chain (default: the provider order) would be walked: each entry, its model and URL, or why it is skipped.',
    input: z.strictObject({ chain: chainSchema.optional() }),
    output: returns<FailoverPlanEntry[]>(),
    errors: ['config_invalid'],
  },
} as const
