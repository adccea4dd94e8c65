// Cloud Run models state: the catalog overview, table filters and sort, writes, pulls in progress.
import { create } from 'zustand'
import type { MethodInput } from '../../../shared/contract'
import { queuedPull } from '../../../shared/ollama'
import type { OllamaPull } from '../../../shared/ollama'
import type { CatalogOverview } from '../../../shared/studio-config'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'
import { useShellStore } from '../../stores/shell-store'
import type { CatalogFilters, SortColumn, SortOrder } from './catalog-table'
import { hasModel } from './catalog-table'

export type SaveEntryInput = MethodInput<'catalog:saveEntry'>

interface CatalogState {
  overview: Loadable<CatalogOverview>
  filters: CatalogFilters
  sort: SortOrder
  busy: boolean
  error: string | null
  /** Latest pull state by model name (from ollama:pullProgress). */
  pulls: Record<string, OllamaPull>
  /** Make default was asked for a model the Ollama host does not have: said inline, with Pull. */
  notInstalled: { name: string; host: string } | null
  load: () => Promise<void>
  setFilters: (filters: Partial<CatalogFilters>) => void
  sortBy: (column: SortColumn) => void
  saveEntry: (input: SaveEntryInput) => Promise<boolean>
  removeEntry: (id: string) => Promise<void>
  setOrder: (order: 'coding' | 'general', ids: string[]) => Promise<void>
  /** Writes the default, unless the reachable host lacks the model: then `notInstalled` says so. */
  makeDefault: (ollamaName: string | null, options?: { evenIfMissing?: boolean }) => Promise<void>
  dismissNotInstalled: () => void
  pull: (name: string) => Promise<void>
  cancelPull: (name: string) => Promise<void>
  pullChanged: (pull: OllamaPull) => void
}

export const useCatalogStore = create<CatalogState>()((set, get) => {
  /** Runs one write; the answer is the new overview (the factory pick may have moved). */
  const write = async (work: () => Promise<CatalogOverview>): Promise<boolean> => {
    set({ busy: true, error: null })
    try {
      set({ overview: { state: 'ready', value: await work() }, busy: false })
      void useShellStore.getState().refreshResolution()
      return true
    } catch (error) {
      set({ busy: false, error: errorMessage(error) })
      return false
    }
  }
  return {
    overview: { state: 'loading' },
    filters: { search: '', type: null, budgetGb: null },
    sort: { column: 'codingRank', direction: 'ascending' },
    busy: false,
    error: null,
    pulls: {},
    notInstalled: null,

    async load() {
      try {
        set({ overview: { state: 'ready', value: await getAppApi().catalog.list() } })
      } catch (error) {
        set({ overview: { state: 'error', message: errorMessage(error) } })
      }
    },

    setFilters: (filters) => set((s) => ({ filters: { ...s.filters, ...filters } })),

    sortBy(column) {
      const { sort } = get()
      const direction =
        sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending'
      set({ sort: { column, direction } })
    },

    saveEntry: (input) => write(() => getAppApi().catalog.saveEntry(input)),
    removeEntry: async (id) => void (await write(() => getAppApi().catalog.removeEntry({ id }))),
    setOrder: async (order, ids) =>
      void (await write(() => getAppApi().catalog.setOrder({ order, ids }))),
    async makeDefault(ollamaName, options = {}) {
      const overview = get().overview
      const installed = overview.state === 'ready' ? overview.value.installed : null
      const missing =
        ollamaName !== null &&
        installed?.reachable === true &&
        !hasModel(installed.names, ollamaName)
      if (missing && !options.evenIfMissing) {
        set({ notInstalled: { name: ollamaName, host: installed.baseUrl }, error: null })
        return
      }
      if (await write(() => getAppApi().catalog.makeDefault({ ollamaName }))) {
        set({ notInstalled: null })
      }
    },
    dismissNotInstalled: () => set({ notInstalled: null }),

    async pull(name) {
      set({ error: null })
      try {
        const { id } = await getAppApi().ollama.pull({ name })
        const queued: OllamaPull = { ...queuedPull(id, name), host: '' }
        set((s) => ({
          pulls: { ...s.pulls, [name]: s.pulls[name]?.id === id ? s.pulls[name] : queued },
        }))
      } catch (error) {
        set({ error: `Pull of ${name} did not start: ${errorMessage(error)}` })
      }
    },

    async cancelPull(name) {
      const pull = get().pulls[name]
      if (!pull) return
      try {
        await getAppApi().ollama.cancelPull({ id: pull.id })
      } catch (error) {
        set({ error: errorMessage(error) })
      }
    },

    pullChanged(pull) {
      set((s) => ({ pulls: { ...s.pulls, [pull.name]: pull } }))
      // A finished pull changes the Installed column.
      if (pull.state === 'done') void get().load()
    },
  }
})
