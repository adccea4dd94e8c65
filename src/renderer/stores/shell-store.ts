// Shell state: the open workspace, the resolved default provider/model and Ollama reachability.
import { create } from 'zustand'
import type { AppInfo, OllamaStatus } from '../../shared/contract'
import type { ResolutionView } from '../../shared/resolution'
import { errorMessage } from '../platform/app-api'
import { getAppApi } from '../platform/current-api'
import { useProviderRegistryStore } from './provider-registry-store'

/** One async value: what the status bar needs to tell loading, ready and failed apart. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

/** How often the status bar asks Ollama again on its own (a host can die or come back). */
export const OLLAMA_RECHECK_MS = 15_000

interface ShellState {
  info: Loadable<AppInfo>
  resolution: Loadable<ResolutionView>
  ollama: Loadable<OllamaStatus>
  /** Loads everything and follows workspace and config changes; returns the stop function. */
  start: (options?: { recheckMs?: number }) => () => void
  refresh: () => Promise<void>
  refreshResolution: () => Promise<void>
  refreshOllama: () => Promise<void>
  /**
   * Another screen checked the configured Ollama host (Local models): the status bar shows the
   * same answer, so both places tell one truth.
   */
  reportOllama: (status: OllamaStatus) => void
}

async function settle<T>(work: Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work }
  } catch (error) {
    return { state: 'error', message: errorMessage(error) }
  }
}

/** Answers to checks started before the latest one are dropped (a slow old check must not win). */
let ollamaCheck = 0

export const useShellStore = create<ShellState>()((set, get) => ({
  info: { state: 'loading' },
  resolution: { state: 'loading' },
  ollama: { state: 'loading' },

  start(options = {}) {
    const api = getAppApi()
    const stop = api.on('workspace:changed', (info) => {
      set({ info: { state: 'ready', value: info } })
      void get().refreshResolution()
      void get().refreshOllama()
      // Every picker lists the open workspace's providers (its custom endpoints differ).
      void useProviderRegistryStore.getState().load()
    })
    // The default provider/model and Ollama's base URL may change when the factory json does.
    const stopConfig = api.on('config:changed', () => {
      void get().refreshResolution()
      void get().refreshOllama()
      void useProviderRegistryStore.getState().load()
    })
    const timer = setInterval(
      () => void get().refreshOllama(),
      options.recheckMs ?? OLLAMA_RECHECK_MS,
    )
    void get().refresh()
    return () => {
      stop()
      stopConfig()
      clearInterval(timer)
    }
  },

  async refresh() {
    await Promise.all([
      settle(getAppApi().app.info()).then((info) => set({ info })),
      get().refreshResolution(),
      get().refreshOllama(),
    ])
  },

  async refreshResolution() {
    // Keep showing the last answer while asking again: a flicker to "…" every change reads as a fault.
    if (get().resolution.state === 'error') set({ resolution: { state: 'loading' } })
    set({ resolution: await settle(getAppApi().factory.resolve()) })
  },

  async refreshOllama() {
    const check = ++ollamaCheck
    if (get().ollama.state === 'error') set({ ollama: { state: 'loading' } })
    const ollama = await settle(getAppApi().ollama.status())
    if (check === ollamaCheck) set({ ollama })
  },

  reportOllama(status) {
    ollamaCheck++
    set({ ollama: { state: 'ready', value: status } })
  },
}))
