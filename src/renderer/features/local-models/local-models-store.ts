// Local models state: the managed host, its reachability, installed/running models, pulls and notices.
import { create } from 'zustand'
import type { OllamaStatus } from '../../../shared/contract'
import type {
  InstalledOllamaModel,
  OllamaHosts,
  OllamaModelDetails,
  OllamaPull,
  OllamaPullSuggestion,
  RunningOllamaModel,
} from '../../../shared/ollama'
import { queuedPull } from '../../../shared/ollama'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'
import { useShellStore } from '../../stores/shell-store'

export interface Notice {
  id: number
  kind: 'success' | 'error'
  text: string
  /** Notices of one topic replace each other instead of piling up (e.g. cancellations). */
  topic?: string
}

interface LocalModelsState {
  hosts: Loadable<OllamaHosts>
  /** The host every call goes to; null until the hosts are known. */
  host: string | null
  status: Loadable<OllamaStatus>
  models: Loadable<InstalledOllamaModel[]>
  running: Loadable<RunningOllamaModel[]>
  pulls: OllamaPull[]
  suggestions: OllamaPullSuggestion[]
  details: { name: string; value: Loadable<OllamaModelDetails> } | null
  notices: Notice[]
  /** Row actions in flight, by `verb name` (their buttons are disabled meanwhile). */
  busy: Record<string, true>
  /** Loads hosts and follows pull progress; returns the stop function. */
  start: () => () => void
  selectHost: (url: string) => Promise<void>
  /** Saves a new host and switches to it; rejects with the reason when the URL is not accepted. */
  addHost: (url: string, label?: string) => Promise<void>
  removeHost: (url: string) => Promise<void>
  refresh: () => Promise<void>
  refreshModels: () => Promise<void>
  pull: (name: string) => Promise<void>
  cancelPull: (id: string) => Promise<void>
  clearFinishedPulls: () => Promise<void>
  deleteModel: (name: string) => Promise<void>
  unload: (name: string) => Promise<void>
  showDetails: (name: string) => Promise<void>
  closeDetails: () => void
  dismissNotice: (id: number) => void
}

async function settle<T>(work: Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work }
  } catch (error) {
    return { state: 'error', message: errorMessage(error) }
  }
}

const ACTIVE_PULL = new Set(['queued', 'pulling'])

/** What a newly chosen host starts with, so nothing of the previous host shows meanwhile. */
const EMPTY_HOST_VIEW = {
  models: { state: 'loading' },
  running: { state: 'loading' },
  pulls: [],
  details: null,
} satisfies Partial<LocalModelsState>

/**
 * A listing can be older than an event that arrived while it was on its way; a pull an event
 * already finished must not go back to "pulling" (nothing would ever move it on again).
 */
function mergePulls(listed: OllamaPull[], known: OllamaPull[]): OllamaPull[] {
  return listed.map((pull) => {
    const seen = known.find((p) => p.id === pull.id)
    return seen && !ACTIVE_PULL.has(seen.state) && ACTIVE_PULL.has(pull.state) ? seen : pull
  })
}

let nextNoticeId = 1
const SUCCESS_NOTICE_MS = 8000

export const useLocalModelsStore = create<LocalModelsState>()((set, get) => {
  const notify = (kind: Notice['kind'], text: string, topic?: string) => {
    const id = nextNoticeId++
    set((s) => {
      const kept = topic ? s.notices.filter((n) => n.topic !== topic) : s.notices
      return { notices: [...kept.slice(-3), { id, kind, text, ...(topic ? { topic } : {}) }] }
    })
    // Successes fade on their own; errors stay until dismissed, since they carry a next step.
    if (kind === 'success') setTimeout(() => get().dismissNotice(id), SUCCESS_NOTICE_MS)
  }
  const host = () => get().host ?? undefined
  const whileBusy = async (key: string, work: () => Promise<void>) => {
    set((s) => ({ busy: { ...s.busy, [key]: true } }))
    try {
      await work()
    } catch (error) {
      notify('error', errorMessage(error))
    } finally {
      set((s) => {
        const { [key]: _done, ...busy } = s.busy
        return { busy }
      })
    }
  }

  const onProgress = (pull: OllamaPull) => {
    if (pull.host !== get().host) return
    const previous = get().pulls.find((p) => p.id === pull.id)
    set((s) => ({
      pulls: previous ? s.pulls.map((p) => (p.id === pull.id ? pull : p)) : [...s.pulls, pull],
    }))
    // Notices only on the transition, so re-listing a finished pull says nothing twice.
    if (previous && !ACTIVE_PULL.has(previous.state)) return
    if (pull.state === 'done') {
      notify('success', `Pulled ${pull.name}.`)
      void get().refreshModels()
    } else if (pull.state === 'error') {
      notify('error', `Pull of ${pull.name} failed: ${pull.error?.message ?? pull.status}`)
    } else if (pull.state === 'cancelled') {
      notify('success', `Cancelled the pull of ${pull.name}.`, 'pull-cancelled')
    }
  }

  const saveHosts = async (saved: OllamaHosts['saved'], selected: string) => {
    const hosts = await getAppApi().ollama.saveHosts({ hosts: saved, selected })
    set({ hosts: { state: 'ready', value: hosts }, host: hosts.selected })
  }

  return {
    hosts: { state: 'loading' },
    host: null,
    status: { state: 'loading' },
    models: { state: 'loading' },
    running: { state: 'loading' },
    pulls: [],
    suggestions: [],
    details: null,
    notices: [],
    busy: {},

    start() {
      const stop = getAppApi().on('ollama:pullProgress', onProgress)
      const load = async () => {
        const hosts = await settle(getAppApi().ollama.hosts())
        set({ hosts, host: hosts.state === 'ready' ? hosts.value.selected : null })
        if (hosts.state === 'error') {
          set({ status: { state: 'error', message: hosts.message } })
          return
        }
        void getAppApi()
          .ollama.pullSuggestions()
          .then((suggestions) => set({ suggestions }))
          .catch(() => undefined) // Suggestions are a convenience; pulling by name still works.
        await get().refresh()
      }
      void load()
      const stopWorkspace = getAppApi().on('workspace:changed', () => void load())
      // The configured host may be another one now (a new base URL on Providers or Config).
      const stopConfig = getAppApi().on('config:changed', () => void load())
      // The status bar re-checks the configured host on its own; when it learns something
      // different about the host shown here, this screen checks again instead of contradicting it.
      const stopShell = useShellStore.subscribe((shell) => {
        const { status, host } = get()
        if (shell.ollama.state !== 'ready' || status.state !== 'ready') return
        if (shell.ollama.value.baseUrl !== host) return
        if (shell.ollama.value.reachable !== status.value.reachable) void get().refresh()
      })
      return () => {
        stop()
        stopWorkspace()
        stopConfig()
        stopShell()
      }
    },

    async selectHost(url) {
      if (url === get().host) return
      set({ host: url, ...EMPTY_HOST_VIEW })
      const hosts = get().hosts
      if (hosts.state === 'ready') {
        // Remembering the choice is a convenience: the screen works on `url` even if saving fails.
        await saveHosts(hosts.value.saved, url).catch((error: unknown) =>
          notify('error', errorMessage(error)),
        )
      }
      await get().refresh()
    },

    async addHost(url, label) {
      const hosts = get().hosts
      if (hosts.state !== 'ready') return
      const saved = [...hosts.value.saved, { url, ...(label ? { label } : {}) }]
      await saveHosts(saved, url)
      set(EMPTY_HOST_VIEW)
      notify('success', `Saved host ${get().host ?? url}.`)
      await get().refresh()
    },

    async removeHost(url) {
      const hosts = get().hosts
      if (hosts.state !== 'ready') return
      const saved = hosts.value.saved.filter((h) => h.url !== url)
      set(EMPTY_HOST_VIEW)
      try {
        await saveHosts(saved, hosts.value.configured)
        notify('success', `Removed host ${url}.`)
      } catch (error) {
        notify('error', errorMessage(error))
      }
      await get().refresh()
    },

    async refresh() {
      const target = host()
      set({ status: { state: 'loading' } })
      const status = await settle(getAppApi().ollama.status({ host: target }))
      if (target !== host()) return // The host changed meanwhile; its own refresh wins.
      set({ status })
      const hosts = get().hosts
      if (
        status.state === 'ready' &&
        hosts.state === 'ready' &&
        target === hosts.value.configured
      ) {
        useShellStore.getState().reportOllama(status.value)
      }
      if (status.state !== 'ready' || !status.value.reachable) return
      const pulls = await settle(getAppApi().ollama.pulls({ host: target }))
      if (pulls.state === 'ready') set((s) => ({ pulls: mergePulls(pulls.value, s.pulls) }))
      await get().refreshModels()
    },

    async refreshModels() {
      const target = host()
      const [models, running] = await Promise.all([
        settle(getAppApi().ollama.list({ host: target })),
        settle(getAppApi().ollama.ps({ host: target })),
      ])
      if (target === host()) set({ models, running })
    },

    async pull(name) {
      await whileBusy(`pull ${name}`, async () => {
        const target = get().host ?? ''
        const { id } = await getAppApi().ollama.pull({ host: host(), name })
        // Events usually got here first; a placeholder covers the case they did not (and is
        // never allowed to overwrite a newer state that an event brought).
        const placeholder: OllamaPull = { ...queuedPull(id, name), host: target }
        set((s) => (s.pulls.some((p) => p.id === id) ? s : { pulls: [...s.pulls, placeholder] }))
      })
    },

    async cancelPull(id) {
      await whileBusy(`cancel ${id}`, async () => {
        await getAppApi().ollama.cancelPull({ host: host(), id })
      })
    },

    async clearFinishedPulls() {
      await whileBusy('clear pulls', async () => {
        set({ pulls: await getAppApi().ollama.clearPulls({ host: host() }) })
      })
    },

    async deleteModel(name) {
      await whileBusy(`delete ${name}`, async () => {
        await getAppApi().ollama.delete({ host: host(), name })
        notify('success', `Deleted ${name}.`)
        if (get().details?.name === name) set({ details: null })
        await get().refreshModels()
      })
    },

    async unload(name) {
      await whileBusy(`unload ${name}`, async () => {
        await getAppApi().ollama.unload({ host: host(), name })
        notify('success', `Unloaded ${name}: its memory is free.`)
        await get().refreshModels()
      })
    },

    async showDetails(name) {
      set({ details: { name, value: { state: 'loading' } } })
      const value = await settle(getAppApi().ollama.show({ host: host(), name }))
      if (get().details?.name === name) set({ details: { name, value } })
    },

    closeDetails: () => set({ details: null }),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }
})
