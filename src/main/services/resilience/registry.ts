// The per-process registry of endpoint states (provider + base URL), with an injected clock.
import type { EndpointHealth } from '../../../shared/provider-health'
import { EndpointState } from './endpoint-state'

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() }

export class ResilienceRegistry {
  private readonly states = new Map<string, EndpointState>()

  constructor(readonly clock: Clock = SYSTEM_CLOCK) {}

  /** The one state for this provider + base URL, created on first use. */
  endpoint(provider: string, baseUrl: string | null): EndpointState {
    const key = `${provider} ${baseUrl ?? ''}`
    let state = this.states.get(key)
    if (!state) {
      state = new EndpointState(provider, baseUrl)
      this.states.set(key, state)
    }
    return state
  }

  health(provider: string, baseUrl: string | null, role: EndpointHealth['role']): EndpointHealth {
    return this.endpoint(provider, baseUrl).view(this.clock.now(), role)
  }

  /** Clears budgets, cooldowns and circuits of matching endpoints; returns how many. */
  reset(filter: { provider?: string; baseUrl?: string | null } = {}): number {
    let count = 0
    for (const state of this.states.values()) {
      if (filter.provider !== undefined && state.provider !== filter.provider) continue
      if (filter.baseUrl !== undefined && state.baseUrl !== filter.baseUrl) continue
      state.reset()
      count++
    }
    return count
  }
}
