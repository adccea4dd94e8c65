// The Playground's conversations: the open one, the saved list, open/clear/delete/export.
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { remember } from '../../stores/session-memory'
import * as ops from './conversation-ops'
import { downloadText } from './download'
import type { ConversationSlice, PlaygroundGet, PlaygroundSet } from './playground-state'
import { INITIAL_SETTINGS } from './playground-state'

export function createConversationSlice(set: PlaygroundSet, get: PlaygroundGet): ConversationSlice {
  const api = () => getAppApi()
  return {
    conversation: ops.emptyConversation(INITIAL_SETTINGS),
    saved: { state: 'loading' },

    async clear() {
      await get().stop()
      const { id } = get().conversation
      set((s) => ({ conversation: ops.emptyConversation(s.settings), active: null, notice: null }))
      await api()
        .chat.delete({ id })
        .catch(() => undefined)
      await get().refreshSaved()
    },

    newConversation() {
      if (get().active) return
      set((s) => ({ conversation: ops.emptyConversation(s.settings), notice: null }))
    },

    async open(id) {
      if (get().active) return
      const showing = get().conversation.id
      try {
        const conversation = await api().chat.load({ id })
        // Another conversation was started or opened while this one loaded: that one wins.
        if (get().conversation.id !== showing || get().active) return
        remember('conversation', conversation.id)
        set({
          conversation: ops.markInterrupted(conversation),
          settings: conversation.settings,
          notice: null,
        })
        void get().loadModels(conversation.settings.provider)
      } catch (error) {
        set({ notice: `That conversation could not be opened: ${errorMessage(error)}` })
      }
    },

    async remove(id) {
      await api()
        .chat.delete({ id })
        .catch(() => undefined)
      if (get().conversation.id === id && !get().active) get().newConversation()
      await get().refreshSaved()
    },

    async rename(id, title) {
      const before = get().conversation
      if (before.id === id) set({ conversation: { ...before, title } })
      try {
        await get().afterSaves(() => api().chat.rename({ id, title }))
      } catch (error) {
        if (get().conversation.id === id) {
          set((s) => ({ conversation: { ...s.conversation, title: before.title } }))
        }
        throw error
      }
      await get().refreshSaved()
    },

    async exportAs(format) {
      const { conversation } = get()
      if (conversation.turns.length === 0) return
      try {
        await api().chat.save({ conversation })
        const file = await api().chat.export({ id: conversation.id, format })
        downloadText(file.filename, file.mimeType, file.content)
      } catch (error) {
        set({ notice: `The export failed: ${errorMessage(error)}` })
      }
    },

    async refreshSaved() {
      try {
        set({ saved: { state: 'ready', value: await api().chat.list() } })
      } catch (error) {
        set({ saved: { state: 'error', message: errorMessage(error) } })
      }
    },
  }
}
