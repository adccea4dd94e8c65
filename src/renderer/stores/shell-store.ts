// Shell state: the open workspace, the resolved default provider/model and Ollama reachability.
import { create } from 'zustand'
import type { AppInfo, OllamaStatus } from '../../shared/contract'
import type { ResolutionView } from '../../shared/resolution'
import { errorMessage } from '../platform/app-api'
import { getAppApi } from '../platform/current-api'

/** One async value: what the status bar needs to tell loading, ready and failed apart. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

interface ShellState {
  info: Loadable<AppInfo>
  resolution: Loadable<ResolutionView>
  ollama: Loadable<OllamaStatus>
  /** Loads everything and follows workspace changes; returns the stop function. */
  start: () => () => void
  refresh: () => Promise<void>
  refreshResolution: () => Promise<void>
  refreshOllama: () => Promise<void>
}

async function settle<T>(work: Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work }
  } catch (error) {
    return { state: 'error', message: errorMessage(error) }
  }
}

export const useShellStore = create<ShellState>()((set, get) => ({
  info: { state: 'loading' },
  resolution: { state: 'loading' },
  ollama: { state: 'loading' },

  start() {
    const stop = getAppApi().on('workspace:changed', (info) => {
      set({ info: { state: 'ready', value: info } })
      void get().refreshResolution()
      void get().refreshOllama()
    })
    // The default provider/model may change when the factory json changes on disk.
    const stopConfig = getAppApi().on('config:changed', () => void get().refreshResolution())
    void get().refresh()
    return () => {
      stop()
      stopConfig()
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
    set({ resolution: { state: 'loading' } })
    set({ resolution: await settle(getAppApi().factory.resolve()) })
  },

  async refreshOllama() {
    set({ ollama: { state: 'loading' } })
    set({ ollama: await settle(getAppApi().ollama.status()) })
  },
}))
