// Searching saved conversations by text: the typed query, and what the workspace answered for it.
import { create } from 'zustand'
import type { ConversationSummary } from '../../../shared/chat'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'

/** Typing pauses this long before a search goes out (one request per pause, not per key). */
export const SEARCH_DELAY_MS = 200

interface ConversationSearchState {
  /** What is in the search box. */
  query: string
  /** Conversations holding every word of `query`; null while the box is empty. */
  results: Loadable<ConversationSummary[]> | null
  setQuery: (query: string) => void
  clear: () => void
  /** Asks again for the current query (the saved list changed: a save, a rename, a delete). */
  refresh: () => Promise<void>
}

export const useConversationSearchStore = create<ConversationSearchState>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null
  /** Only the answer to the latest request is shown (an early slow one can come back last). */
  let latest = 0

  const cancelPending = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }

  return {
    query: '',
    results: null,

    setQuery(query) {
      cancelPending()
      if (query.trim() === '') {
        latest++
        set({ query, results: null })
        return
      }
      set((s) => ({ query, results: s.results ?? { state: 'loading' } }))
      timer = setTimeout(() => {
        timer = null
        void get().refresh()
      }, SEARCH_DELAY_MS)
    },

    clear() {
      get().setQuery('')
    },

    async refresh() {
      const query = get().query.trim()
      if (query === '') return
      const request = ++latest
      try {
        const found = await getAppApi().chat.list({ query })
        if (request === latest) set({ results: { state: 'ready', value: found } })
      } catch (error) {
        if (request === latest) set({ results: { state: 'error', message: errorMessage(error) } })
      }
    },
  }
})
