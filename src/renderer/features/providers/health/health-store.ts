// Provider health (providers:health) for every ProviderHealth panel on screen, loaded once, refreshed together.
import { create } from 'zustand'
import type { EndpointHealth } from '../../../../shared/provider-health'
import { errorMessage } from '../../../platform/app-api'
import { getAppApi } from '../../../platform/current-api'
import type { Loadable } from '../../../stores/shell-store'

/** Panels ask at most this often; several cards mounting at once share one call. */
const FRESH_MS = 1000

interface ProviderHealthState {
  health: Loadable<EndpointHealth[]>
  loadedAt: number
  resetting: string | null
  resetError: string | null
  load: (options?: { force?: boolean }) => Promise<void>
  reset: (provider: string) => Promise<void>
}

let inFlight: Promise<void> | null = null

export const useProviderHealthStore = create<ProviderHealthState>()((set, get) => ({
  health: { state: 'loading' },
  loadedAt: 0,
  resetting: null,
  resetError: null,
  load(options = {}) {
    if (inFlight) return inFlight
    if (!options.force && Date.now() - get().loadedAt < FRESH_MS) return Promise.resolve()
    inFlight = (async () => {
      try {
        const value = await getAppApi().providers.health()
        set({ health: { state: 'ready', value }, loadedAt: Date.now() })
      } catch (error) {
        set({ health: { state: 'error', message: errorMessage(error) }, loadedAt: Date.now() })
      } finally {
        inFlight = null
      }
    })()
    return inFlight
  },
  async reset(provider) {
    set({ resetting: provider, resetError: null })
    try {
      await getAppApi().providers.resetHealth({ provider })
      await get().load({ force: true })
    } catch (error) {
      set({ resetError: `${provider}: ${errorMessage(error)}` })
    } finally {
      set({ resetting: null })
    }
  },
}))
