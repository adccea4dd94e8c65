// How the Playground's failover chain would be walked (failover:plan), for the chain editor's preview.
import { create } from 'zustand'
import type { FailoverPlanEntry } from '../../../shared/resilience-contract'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'

interface FailoverPlanState {
  plan: Loadable<FailoverPlanEntry[]> | null
  /** The chain the plan is for (a later request wins over an earlier one still loading). */
  chainKey: string | null
  loadPlan: (chain: readonly string[]) => Promise<void>
}

export const useFailoverPlanStore = create<FailoverPlanState>()((set, get) => ({
  plan: null,
  chainKey: null,
  async loadPlan(chain) {
    const chainKey = chain.join(',')
    set({ chainKey, plan: { state: 'loading' } })
    try {
      const value = await getAppApi().failover.plan(chain.length > 0 ? { chain: [...chain] } : {})
      if (get().chainKey === chainKey) set({ plan: { state: 'ready', value } })
    } catch (error) {
      if (get().chainKey === chainKey)
        set({ plan: { state: 'error', message: errorMessage(error) } })
    }
  },
}))
