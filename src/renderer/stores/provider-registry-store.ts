// The workspace's providers (built-in and custom endpoints) for pickers; built-ins until the API answers.
import { create } from 'zustand'
import type { ProviderSummary } from '../../shared/providers'
import { BUILT_IN_PROVIDERS, summarizeProvider } from '../../shared/providers'
import { getAppApi } from '../platform/current-api'

interface ProviderRegistryState {
  providers: ProviderSummary[]
  /** Fetches the workspace's registry; on failure the built-in list stays. */
  load: () => Promise<void>
}

export const useProviderRegistryStore = create<ProviderRegistryState>()((set) => ({
  providers: BUILT_IN_PROVIDERS.map(summarizeProvider),
  async load() {
    try {
      set({ providers: await getAppApi().providers.registry() })
    } catch {
      // Pickers keep the built-in providers; the Providers screen shows the error.
    }
  },
}))
