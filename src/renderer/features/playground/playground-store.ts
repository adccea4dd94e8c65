// The Playground's chat state: settings, model lists, the open conversation, its stream, saved ones.
import { create } from 'zustand'
import type {
  ChatModelList,
  ChatSettings,
  ChatTurn,
  Conversation,
  ConversationSummary,
  ExportFormat,
  UsedModel,
} from '../../../shared/chat'
import { historyOf } from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { recall, remember } from '../../stores/session-memory'
import type { Loadable } from '../../stores/shell-store'
import * as ops from './conversation-ops'
import { downloadText } from './download'
import { hasSettingsProblems } from './settings-problems'
import { connectChatEvents, newId, watchStream } from './stream-router'

export type PlaygroundMode = 'chat' | 'compare'

interface PlaygroundState {
  mode: PlaygroundMode
  settings: ChatSettings
  /** The factory's default provider (marked in the picker). */
  defaultProvider: ProviderName | null
  /** The factory's default model for that provider, as last resolved. */
  defaultModel: string | null
  models: Partial<Record<ProviderName, Loadable<ChatModelList>>>
  conversation: Conversation
  saved: Loadable<ConversationSummary[]>
  draft: string
  /** The stream answering now, if any (one at a time per conversation). */
  active: { streamId: string; turnId: string } | null
  /** A failure that is not an answer's (send refused, save failed), with what to do. */
  notice: string | null
  started: boolean
  start: () => () => void
  setMode: (mode: PlaygroundMode) => void
  setDraft: (draft: string) => void
  updateSettings: (change: Partial<ChatSettings>) => void
  chooseProvider: (provider: ProviderName) => Promise<void>
  loadModels: (
    provider: ProviderName,
    options?: { force?: boolean },
  ) => Promise<ChatModelList | null>
  send: () => Promise<void>
  stop: () => Promise<void>
  regenerate: () => Promise<void>
  resend: (userTurnId: string, prompt: string) => Promise<void>
  clear: () => Promise<void>
  newConversation: () => void
  open: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
  /** A saved conversation's new title (rejects with the reason when the app refuses it). */
  rename: (id: string, title: string) => Promise<void>
  exportAs: (format: ExportFormat) => Promise<void>
  refreshSaved: () => Promise<void>
  /** "Chat with this model" from another screen: a new conversation with that model picked. */
  chatWith: (provider: ProviderName, model: string) => void
  /** The factory's default changed (another screen, the disk): mark it, and follow it if in use. */
  refreshDefault: () => Promise<void>
}

/** How often a streaming answer's text so far is saved. */
export const PARTIAL_SAVE_MS = 1000

/** Leaving the page while an answer streams asks first (what streamed so far is saved anyway). */
function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault()
  // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
  event.returnValue = ''
}

const INITIAL_SETTINGS: ChatSettings = { provider: 'mock', model: '', system: '', jsonMode: false }

export const usePlaygroundStore = create<PlaygroundState>()((set, get) => {
  const api = () => getAppApi()

  /**
   * Saves the open conversation as it is when the save runs. Saves run one after another, so an
   * early save of a streaming answer can never land after (and undo) the final one.
   */
  let saving: Promise<void> = Promise.resolve()
  const persist = (options: { refreshList?: boolean } = {}) => {
    saving = saving.then(async () => {
      const { conversation } = get()
      if (conversation.turns.length === 0) return
      try {
        await api().chat.save({ conversation })
        if (options.refreshList !== false) await get().refreshSaved()
      } catch (error) {
        set({ notice: `The conversation could not be saved: ${errorMessage(error)}` })
      }
    })
    return saving
  }
  /** While an answer streams, what arrived so far is saved now and then (a reload keeps it). */
  let partialSave: ReturnType<typeof setTimeout> | null = null
  const savePartialSoon = () => {
    partialSave ??= setTimeout(() => {
      partialSave = null
      if (get().active) void persist({ refreshList: false })
    }, PARTIAL_SAVE_MS)
  }

  const changeTurn = (turnId: string, change: Parameters<typeof ops.updateTurn>[2]) =>
    set((s) => ({ conversation: ops.updateTurn(s.conversation, turnId, change) }))

  /** Sends `prompt` after `before` (the history), streaming into a new assistant turn. */
  const runTurn = async (prompt: string, before: ChatTurn[]) => {
    if (get().active) return
    const { settings } = get()
    const { user, assistant } = ops.startTurns(prompt, settings)
    const previous = get().conversation
    const conversation: Conversation = {
      ...previous,
      settings,
      title: before.length === 0 ? ops.titleFrom(prompt) : previous.title,
      updatedAt: new Date().toISOString(),
      turns: [...before, user, assistant],
    }
    remember('conversation', conversation.id)
    const streamId = newId('s')
    set({ conversation, active: { streamId, turnId: assistant.id }, notice: null })
    window.addEventListener('beforeunload', warnBeforeUnload)
    let used: UsedModel | undefined
    const finish = () => {
      window.removeEventListener('beforeunload', warnBeforeUnload)
      if (partialSave) clearTimeout(partialSave)
      partialSave = null
      set({ active: null })
      void persist()
    }
    const stopWatching = watchStream(streamId, {
      onText: (text) => {
        changeTurn(assistant.id, (turn) => ops.appendText(turn, text))
        savePartialSoon()
      },
      onDone: (event) => {
        changeTurn(assistant.id, (turn) => ops.finishTurn(turn, event))
        finish()
      },
      onError: (event) => {
        changeTurn(assistant.id, (turn) => ops.failTurn(turn, event, used))
        finish()
      },
    })
    try {
      const history = historyOf(before)
      const reply = await api().chat.send({ streamId, settings, history, prompt })
      used = reply.used
      changeTurn(assistant.id, (turn) => ({ ...turn, used: turn.used ?? reply.used }))
      // The prompt is kept from the start: a reload now still finds it (and the answer so far).
      if (get().active?.streamId === streamId) void persist()
    } catch (error) {
      // Refused before streaming: take the turns back and put the prompt where it was typed.
      window.removeEventListener('beforeunload', warnBeforeUnload)
      stopWatching()
      set((s) => ({
        conversation: { ...s.conversation, turns: before },
        active: null,
        draft: s.draft.trim() === '' ? prompt : s.draft,
        notice: `The prompt was not sent: ${errorMessage(error)}`,
      }))
    }
  }

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
    mode: 'chat',
    settings: INITIAL_SETTINGS,
    defaultProvider: null,
    defaultModel: null,
    models: {},
    conversation: ops.emptyConversation(INITIAL_SETTINGS),
    saved: { state: 'loading' },
    draft: '',
    active: null,
    notice: null,
    started: false,

    start() {
      connectChatEvents()
      if (!get().started) {
        set({ started: true })
        void init()
      }
      const stopConfig = api().on('config:changed', () => {
        // Every provider's listed default may have moved: list again when next needed.
        set({ models: {} })
        void get()
          .refreshDefault()
          .then(() => get().loadModels(get().settings.provider))
      })
      const stopWorkspace = api().on('workspace:changed', () => {
        set({
          defaultProvider: null,
          defaultModel: null,
          settings: INITIAL_SETTINGS,
          models: {},
          conversation: ops.emptyConversation(INITIAL_SETTINGS),
          saved: { state: 'loading' },
          active: null,
          notice: null,
        })
        void init()
      })
      return () => {
        stopConfig()
        stopWorkspace()
      }
    },

    setMode: (mode) => set({ mode }),
    setDraft: (draft) => set({ draft }),
    updateSettings: (change) => set((s) => ({ settings: { ...s.settings, ...change } })),

    async chooseProvider(provider) {
      const known = get().models[provider]
      const model = known?.state === 'ready' ? known.value.defaultModel : ''
      set((s) => ({ settings: { ...s.settings, provider, model } }))
      const list = await get().loadModels(provider)
      if (list && get().settings.provider === provider && get().settings.model === '') {
        set((s) => ({ settings: { ...s.settings, model: list.defaultModel } }))
      }
    },

    async loadModels(provider, options = {}) {
      const known = get().models[provider]
      if (known?.state === 'ready' && !options.force) return known.value
      set((s) => ({ models: { ...s.models, [provider]: { state: 'loading' } } }))
      try {
        const list = await api().chat.models({ provider })
        set((s) => ({ models: { ...s.models, [provider]: { state: 'ready', value: list } } }))
        return list
      } catch (error) {
        const failed = { state: 'error' as const, message: errorMessage(error) }
        set((s) => ({ models: { ...s.models, [provider]: failed } }))
        return null
      }
    },

    async send() {
      const prompt = get().draft
      const { settings } = get()
      if (prompt.trim() === '' || get().active || settings.model.trim() === '') return
      if (hasSettingsProblems(settings)) return
      set({ draft: '' })
      await runTurn(prompt, get().conversation.turns)
    },

    async stop() {
      const active = get().active
      if (!active) return
      try {
        await api().chat.stop({ streamId: active.streamId })
      } catch (error) {
        set({ notice: `Stop did not reach the app: ${errorMessage(error)}` })
      }
    },

    async regenerate() {
      const last = ops.lastPrompt(get().conversation)
      if (last) await runTurn(last.prompt, last.before)
    },

    resend: (userTurnId, prompt) =>
      runTurn(prompt, ops.turnsBefore(get().conversation, userTurnId)),

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
      // After the saves already queued: one of them landing later would put the old title back.
      const renamed = saving.then(() => api().chat.rename({ id, title }))
      saving = renamed.then(
        () => undefined,
        () => undefined,
      )
      try {
        await renamed
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

    chatWith(provider, model) {
      if (get().active) return
      set((s) => {
        const settings = { ...s.settings, provider, model }
        return {
          mode: 'chat',
          settings,
          conversation: ops.emptyConversation(settings),
          notice: null,
        }
      })
      void get().loadModels(provider)
    },

    async refreshDefault() {
      try {
        const view = await api().factory.resolve()
        set((s) => {
          // Settings still on the old default (or on nothing yet) follow the new one; a
          // provider or model someone picked stays picked.
          const onDefault =
            s.settings.model === '' ||
            (s.settings.provider === s.defaultProvider && s.settings.model === s.defaultModel)
          return {
            defaultProvider: view.provider,
            defaultModel: view.model,
            settings: onDefault
              ? { ...s.settings, provider: view.provider, model: view.model }
              : s.settings,
          }
        })
      } catch (error) {
        set({ notice: `The factory's default could not be read: ${errorMessage(error)}` })
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
})
