// The Playground's chat runs: send a prompt, stream the answer into its turn, stop, regenerate, resend.
import { addVersion, showVersion } from '../../../shared/answer-versions'
import type { AssistantTurn, ChatTurn, Conversation, UsedModel } from '../../../shared/chat'
import { historyOf } from '../../../shared/chat'
import type { ChatMessage } from '../../../shared/llm'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { remember } from '../../stores/session-memory'
import * as ops from './conversation-ops'
import type {
  ChatRunSlice,
  PlaygroundGet,
  PlaygroundSet,
  PlaygroundState,
} from './playground-state'
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

/** One answer streaming into a turn of the open conversation. */
interface StreamRun {
  /** The conversation as it shows while the answer streams (the answering turn in it, streaming). */
  conversation: Conversation
  turnId: string
  prompt: string
  history: ChatMessage[]
  /** What the answer held before this stream (Continue): sent back, and kept in front. */
  prefix?: string
  /** Puts things back when the send is refused before anything streamed. */
  refused: (s: PlaygroundState) => Partial<PlaygroundState>
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

  /** Streams an answer into `run.turnId` (already streaming in `run.conversation`). */
  const stream = async (run: StreamRun) => {
    const { settings } = get()
    const { turnId, prefix = '' } = run
    remember('conversation', run.conversation.id)
    const streamId = newId('s')
    set({ conversation: run.conversation, active: { streamId, turnId }, notice: null })
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
        changeTurn(turnId, (turn) => ops.appendText(turn, text))
        savePartialSoon()
      },
      onDone: (event) => {
        changeTurn(turnId, (turn) => ops.finishTurn(turn, event, prefix))
        finish()
      },
      onError: (event) => {
        changeTurn(turnId, (turn) => ops.failTurn(turn, event, used, prefix))
        finish()
      },
    })
    try {
      const reply = await api().chat.send({
        streamId,
        settings,
        history: run.history,
        prompt: run.prompt,
        ...(prefix === '' ? {} : { continueFrom: prefix }),
      })
      used = reply.used
      changeTurn(turnId, (turn) => ({ ...turn, used: turn.used ?? reply.used }))
      // The prompt is kept from the start: a reload now still finds it (and the answer so far).
      if (get().active?.streamId === streamId) void persist()
    } catch (error) {
      // Refused before streaming: put things back as they were.
      window.removeEventListener('beforeunload', warnBeforeUnload)
      stopWatching()
      set((s) => ({
        ...run.refused(s),
        active: null,
        notice: `The prompt was not sent: ${errorMessage(error)}`,
      }))
    }
  }

  /** Sends `prompt` after `before` (the history), streaming into a new assistant turn. */
  const runTurn = async (prompt: string, before: ChatTurn[]) => {
    if (get().active) return
    const { settings } = get()
    const { user, assistant } = ops.startTurns(prompt, settings)
    const previous = get().conversation
    await stream({
      conversation: {
        ...previous,
        settings,
        title: before.length === 0 ? ops.titleFrom(prompt) : previous.title,
        updatedAt: new Date().toISOString(),
        turns: [...before, user, assistant],
      },
      turnId: assistant.id,
      prompt,
      history: historyOf(before),
      // The prompt goes back where it was typed.
      refused: (s) => ({
        conversation: { ...s.conversation, turns: before },
        draft: s.draft.trim() === '' ? prompt : s.draft,
      }),
    })
  }

  /** Streams into the last answer again, as `change` prepares it (a new version, a continuation). */
  const rerunLast = async (
    change: (answer: AssistantTurn) => AssistantTurn | null,
    options: { continuing: boolean },
  ) => {
    const last = ops.lastExchange(get().conversation)
    if (!last || get().active) return
    const turn = change(last.answer)
    if (!turn) return
    const { settings } = get()
    const restore = (s: PlaygroundState) => ({
      conversation: ops.updateTurn(s.conversation, turn.id, () => last.answer),
    })
    await stream({
      conversation: {
        ...ops.updateTurn(get().conversation, turn.id, () => turn),
        settings,
        updatedAt: new Date().toISOString(),
      },
      turnId: turn.id,
      prompt: last.prompt,
      history: historyOf(last.before),
      ...(options.continuing ? { prefix: turn.content } : {}),
      refused: restore,
    })
  }

  return {
    afterSaves(task) {
      // A task run after the saves already queued; later saves wait for it in turn.
      const done = saving.then(task)
      saving = done.then(
        () => undefined,
        () => undefined,
      )
      return done
    },

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
      if (ops.lastExchange(get().conversation)) {
        const fresh = ops.freshAnswer(get().settings)
        await rerunLast((answer) => addVersion(answer, fresh), { continuing: false })
        return
      }
      // A prompt without an answer turn after it: answer it afresh.
      const last = ops.lastPrompt(get().conversation)
      if (last) await runTurn(last.prompt, last.before)
    },

    continueAnswer: () =>
      rerunLast((answer) => (ops.canContinue(answer) ? ops.startContinuation(answer) : null), {
        continuing: true,
      }),

    showVersion(turnId, index) {
      if (get().active) return
      set((s) => ({
        conversation: ops.updateTurn(s.conversation, turnId, (turn) => showVersion(turn, index)),
      }))
      void persist({ refreshList: false })
    },

    resend: (userTurnId, prompt) =>
      runTurn(prompt, ops.turnsBefore(get().conversation, userTurnId)),
  }
}
