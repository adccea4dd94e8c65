// The Playground's chat state, composed from its slices; start() wires it to the app's events.
import { create } from 'zustand'
import type { AppApi } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { recall, remember } from '../../stores/session-memory'
import { createChatRunSlice } from './chat-run-slice'
import * as ops from './conversation-ops'
import { createConversationSlice } from './conversation-slice'
import { createModelSettingsSlice } from './model-settings-slice'
import type { PlaygroundState } from './playground-state'
import { INITIAL_SETTINGS } from './playground-state'
import { connectChatEvents } from './stream-router'

export { PARTIAL_SAVE_MS } from './chat-run-slice'
export type { PlaygroundMode, PlaygroundState } from './playground-state'

export const usePlaygroundStore = create<PlaygroundState>()((set, get) => {
  let workspaceFollowedOn: AppApi | null = null
  const init = async () => {
    // Reopening the latest conversation must not undo a "New conversation" clicked meanwhile.
    const untouched = get().conversation.id
    await get().refreshDefault()
    void get().loadModels(get().settings.provider)
    await get().refreshSaved()
    const saved = get().saved
    const list = saved.state === 'ready' ? saved.value : []
    // After a reload, the conversation that was open; else the latest one.
    const remembered = recall('conversation')
    const reopen = list.find((c) => c.id === remembered) ?? list[0]
    const { conversation, active } = get()
    if (reopen && conversation.id === untouched && conversation.turns.length === 0 && !active) {
      await get().open(reopen.id)
    }
  }

  return {
    ...createModelSettingsSlice(set, get),
    ...createChatRunSlice(set, get),
    ...createConversationSlice(set, get),
    // A reload comes back to Compare when it was open (its columns and answers come back too).
    mode: recall('playground-mode') === 'compare' ? 'compare' : 'chat',
    notice: null,
    started: false,

    start() {
      connectChatEvents()
      if (!get().started) {
        set({ started: true })
        void init()
      }
      const stopConfig = getAppApi().on('config:changed', () => {
        // Every provider's listed default may have moved: list again when next needed.
        get().forgetModels()
        void get()
          .refreshDefault()
          .then(() => get().loadModels(get().settings.provider))
      })
      // Followed while the screen is closed too (once per API): a workspace switched meanwhile must
      // not leave the old default, models and conversation here for the next visit.
      if (workspaceFollowedOn !== getAppApi()) {
        workspaceFollowedOn = getAppApi()
        getAppApi().on('workspace:changed', () => {
          get().forgetModels()
          set({
            defaultProvider: null,
            defaultModel: null,
            settings: INITIAL_SETTINGS,
            conversation: ops.emptyConversation(INITIAL_SETTINGS),
            saved: { state: 'loading' },
            active: null,
            notice: null,
          })
          void init()
        })
      }
      return stopConfig
    },

    setMode(mode) {
      remember('playground-mode', mode)
      set({ mode })
    },
  }
})
