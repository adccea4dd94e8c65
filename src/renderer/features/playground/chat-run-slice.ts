// The Playground's chat runs: send a prompt, stream the answer into its turn, stop, regenerate, resend.
import type { ChatTurn, Conversation, UsedModel } from '../../../shared/chat'
import { historyOf } from '../../../shared/chat'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { remember } from '../../stores/session-memory'
import * as ops from './conversation-ops'
import type { ChatRunSlice, PlaygroundGet, PlaygroundSet } from './playground-state'
import { hasSettingsProblems } from './settings-problems'
import { newId, watchStream } from './stream-router'

/** How often a streaming answer's text so far is saved. */
export const PARTIAL_SAVE_MS = 1000

/** Leaving the page while an answer streams asks first (what streamed so far is saved anyway). */
function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault()
  // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
  event.returnValue = ''
}

export function createChatRunSlice(set: PlaygroundSet, get: PlaygroundGet): ChatRunSlice {
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

  return {
    draft: '',
    active: null,
    setDraft: (draft) => set({ draft }),

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
  }
}
