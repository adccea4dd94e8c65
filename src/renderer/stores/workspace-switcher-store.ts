// The workspace switcher: the server's recent/allowed workspaces, and opening one by path.
import { create } from 'zustand'
import type { WorkspaceOverview } from '../../shared/workspace-contract'
import { errorMessage } from '../platform/app-api'
import { getAppApi } from '../platform/current-api'
import type { Loadable } from './shell-store'

interface WorkspaceSwitcherState {
  isOpen: boolean
  overview: Loadable<WorkspaceOverview>
  /** The path being opened (buttons wait), null when idle. */
  opening: string | null
  /** Why the last open was refused: the server's message, naming the path and what to do. */
  error: string | null
  show: () => void
  hide: () => void
  load: () => Promise<void>
  /** Opens `path`; on success the dialog closes and workspace:changed reloads every screen. */
  open: (path: string) => Promise<boolean>
}

export const useWorkspaceSwitcherStore = create<WorkspaceSwitcherState>()((set, get) => ({
  isOpen: false,
  overview: { state: 'loading' },
  opening: null,
  error: null,

  show() {
    set({ isOpen: true, error: null })
    void get().load()
  },

  hide: () => set({ isOpen: false, error: null }),

  async load() {
    set({ overview: { state: 'loading' } })
    try {
      set({ overview: { state: 'ready', value: await getAppApi().workspace.list() } })
    } catch (error) {
      set({ overview: { state: 'error', message: errorMessage(error) } })
    }
  },

  async open(path) {
    if (get().opening !== null) return false
    set({ opening: path, error: null })
    try {
      await getAppApi().workspace.open({ path })
      set({ opening: null, isOpen: false })
      return true
    } catch (error) {
      set({ opening: null, error: errorMessage(error) })
      return false
    }
  },
}))
