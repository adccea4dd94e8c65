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
/** What the form holds but has not saved, for Test connection. */
export type UnsavedProviderSettings = NonNullable<MethodInput<'providers:test'>['unsaved']>

export type Pending<T> = { state: 'idle' } | { state: 'busy' } | T

export type SaveState = Pending<
  { state: 'saved'; note?: string } | { state: 'error'; message: string }
>
export type TestState = Pending<{
  state: 'done'
  result: ConnectionTestResult
  /** The test tried unsaved values from the form, not the saved settings. */
  unsaved: boolean
}>

interface ProvidersState {
  overview: Loadable<ProvidersOverview>
  saves: Partial<Record<ProviderName, SaveState>>
  tests: Partial<Record<ProviderName, TestState>>
  order: { state: 'idle' | 'busy' } | { state: 'error'; message: string }
  /** The provider the detail pane shows; null picks the default provider. */
  selected: string | null
  select: (provider: string) => void
  load: () => Promise<void>
  update: (change: ProviderUpdate) => Promise<boolean>
  /** Tests the saved settings, or with `unsaved` what the form holds (nothing is written). */
  test: (provider: ProviderName, unsaved?: UnsavedProviderSettings) => Promise<void>
  setOrder: (order: string[]) => Promise<void>
  /** Adds a custom endpoint and selects it; the error text on failure, null on success. */
  addCustom: (input: MethodInput<'providers:addCustom'>) => Promise<string | null>
  removeCustom: (name: string) => Promise<string | null>
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
  selected: null,

  select(provider) {
    set({ selected: provider })
  },

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

  async test(provider, unsaved) {
    set((s) => ({ tests: { ...s.tests, [provider]: { state: 'busy' } } }))
    const tried = { unsaved: unsaved !== undefined }
    try {
      const result = await getAppApi().providers.test({ provider, ...(unsaved ? { unsaved } : {}) })
      set((s) => ({ tests: { ...s.tests, [provider]: { state: 'done', result, ...tried } } }))
    } catch (error) {
      const result: ConnectionTestResult = {
        ok: false,
        provider,
        model: '',
        code: 'internal',
        message: errorMessage(error),
        nextStep: 'Fix the configuration problem above, then test again.',
      }
      set((s) => ({ tests: { ...s.tests, [provider]: { state: 'done', result, ...tried } } }))
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

  async addCustom(input) {
    try {
      const value = await getAppApi().providers.addCustom(input)
      set((s) => ({
        overview: { state: 'ready', value },
        selected: input.name,
        tests: { ...s.tests, [input.name]: { state: 'idle' } },
      }))
      refreshShell()
      return null
    } catch (error) {
      return errorMessage(error)
    }
  },

  async removeCustom(name) {
    try {
      const value = await getAppApi().providers.removeCustom({ name })
      set({ overview: { state: 'ready', value }, selected: null })
      refreshShell()
      return null
    } catch (error) {
      return errorMessage(error)
    }
  },
}))
