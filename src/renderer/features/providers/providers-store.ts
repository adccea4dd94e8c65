// Providers screen state: the overview, per-provider saves and connection tests, the default order.
import { create } from 'zustand'
import type { MethodInput } from '../../../shared/contract'
import type { ProviderName } from '../../../shared/llm'
import type { ConnectionTestResult, ProvidersOverview } from '../../../shared/studio-config'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'
import { useShellStore } from '../../stores/shell-store'

export type ProviderUpdate = MethodInput<'providers:update'>

export type Pending<T> = { state: 'idle' } | { state: 'busy' } | T

export type SaveState = Pending<
  { state: 'saved'; note?: string } | { state: 'error'; message: string }
>
export type TestState = Pending<{ state: 'done'; result: ConnectionTestResult }>

interface ProvidersState {
  overview: Loadable<ProvidersOverview>
  saves: Partial<Record<ProviderName, SaveState>>
  tests: Partial<Record<ProviderName, TestState>>
  order: { state: 'idle' | 'busy' } | { state: 'error'; message: string }
  load: () => Promise<void>
  update: (change: ProviderUpdate) => Promise<boolean>
  test: (provider: ProviderName) => Promise<void>
  setOrder: (order: string[]) => Promise<void>
}

/** The status bar shows the default provider: keep it in step with every write. */
function refreshShell(): void {
  void useShellStore.getState().refreshResolution()
}

export const useProvidersStore = create<ProvidersState>()((set, get) => ({
  overview: { state: 'loading' },
  saves: {},
  tests: {},
  order: { state: 'idle' },

  async load() {
    if (get().overview.state !== 'ready') set({ overview: { state: 'loading' } })
    try {
      set({ overview: { state: 'ready', value: await getAppApi().providers.list() } })
    } catch (error) {
      set({ overview: { state: 'error', message: errorMessage(error) } })
    }
  },

  async update(change) {
    const provider = change.provider
    set((s) => ({ saves: { ...s.saves, [provider]: { state: 'busy' } } }))
    try {
      const value = await getAppApi().providers.update(change)
      set((s) => ({
        overview: { state: 'ready', value },
        saves: { ...s.saves, [provider]: { state: 'saved' } },
        // A result for the old settings would mislead.
        tests: { ...s.tests, [provider]: { state: 'idle' } },
      }))
      refreshShell()
      return true
    } catch (error) {
      const message = errorMessage(error)
      set((s) => ({ saves: { ...s.saves, [provider]: { state: 'error', message } } }))
      return false
    }
  },

  async test(provider) {
    set((s) => ({ tests: { ...s.tests, [provider]: { state: 'busy' } } }))
    try {
      const result = await getAppApi().providers.test({ provider })
      set((s) => ({ tests: { ...s.tests, [provider]: { state: 'done', result } } }))
    } catch (error) {
      const result: ConnectionTestResult = {
        ok: false,
        provider,
        model: '',
        code: 'internal',
        message: errorMessage(error),
        nextStep: 'Fix the configuration problem above, then test again.',
      }
      set((s) => ({ tests: { ...s.tests, [provider]: { state: 'done', result } } }))
    }
  },

  async setOrder(order) {
    const current = get().overview
    // Show the new order at once; the answer from main replaces it.
    if (current.state === 'ready') {
      set({ overview: { state: 'ready', value: { ...current.value, preferenceOrder: order } } })
    }
    set({ order: { state: 'busy' } })
    try {
      const value = await getAppApi().providers.setOrder({ order })
      set({ overview: { state: 'ready', value }, order: { state: 'idle' } })
      refreshShell()
    } catch (error) {
      set({ overview: current, order: { state: 'error', message: errorMessage(error) } })
    }
  },
}))
