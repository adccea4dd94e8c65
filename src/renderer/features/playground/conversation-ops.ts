// Pure steps on a conversation: start one, add turns, apply stream results, cut for regenerate/edit.
import type {
  AnswerVersion,
  AssistantTurn,
  ChatDoneEvent,
  ChatErrorEvent,
  ChatSettings,
  ChatTurn,
  Conversation,
  UsedModel,
} from '../../../shared/chat'
import { titleFromPrompt, UNTITLED } from '../../../shared/plain-title'
import { newId } from './stream-router'

export function emptyConversation(settings: ChatSettings, now = new Date()): Conversation {
  const at = now.toISOString()
  return {
    id: newId('c'),
    title: UNTITLED,
    createdAt: at,
    updatedAt: at,
    settings,
    turns: [],
  }
}

/** The first prompt's first line as plain text (no `**`, backticks, # or link syntax). */
export function titleFrom(prompt: string): string {
  return titleFromPrompt(prompt)
}

export function startTurns(
  prompt: string,
  settings: ChatSettings,
  now = new Date(),
): { user: ChatTurn; assistant: AssistantTurn } {
  const at = now.toISOString()
  return {
    user: { id: newId('u'), role: 'user', content: prompt, createdAt: at },
    assistant: {
      id: newId('a'),
      role: 'assistant',
      ...freshAnswer(settings, now),
      otherVersions: [],
      shownVersion: 0,
    },
  }
}

/** A new answer about to stream (a first answer, or another version of one). */
export function freshAnswer(settings: ChatSettings, now = new Date()): AnswerVersion {
  return {
    content: '',
    createdAt: now.toISOString(),
    status: 'streaming',
    jsonMode: settings.jsonMode,
  }
}

/** Replaces one turn by id (a new array, so React sees the change; other turns keep identity). */
export function updateTurn(
  conversation: Conversation,
  turnId: string,
  change: (turn: AssistantTurn) => AssistantTurn,
): Conversation {
  return {
    ...conversation,
    turns: conversation.turns.map((turn) =>
      turn.id === turnId && turn.role === 'assistant' ? change(turn) : turn,
    ),
  }
}

export function appendText(turn: AssistantTurn, text: string): AssistantTurn {
  return { ...turn, content: turn.content + text }
}

/**
 * The stream's end. `prefix` is what the answer held before this stream (a continuation's start):
 * the final text replaces what streamed after it, so if an event went missing the answer is whole.
 */
export function finishTurn(turn: AssistantTurn, event: ChatDoneEvent, prefix = ''): AssistantTurn {
  return {
    ...turn,
    content: prefix + event.text,
    status: 'done',
    metrics: event.metrics,
    used: event.used,
  }
}

export function failTurn(
  turn: AssistantTurn,
  event: ChatErrorEvent,
  used: UsedModel | undefined,
  prefix = '',
): AssistantTurn {
  const stopped = event.error.code === 'aborted'
  const streamed = prefix + event.partialText
  return {
    ...turn,
    content: streamed.length >= turn.content.length ? streamed : turn.content,
    status: stopped ? 'stopped' : 'error',
    ...(stopped ? {} : { error: event.error }),
    ...(used ? { used } : {}),
  }
}

/** A conversation read back: an answer that was streaming when it was saved was cut short. */
export function markInterrupted(conversation: Conversation): Conversation {
  if (!conversation.turns.some((t) => t.role === 'assistant' && t.status === 'streaming')) {
    return conversation
  }
  return {
    ...conversation,
    turns: conversation.turns.map((turn) =>
      turn.role === 'assistant' && turn.status === 'streaming'
        ? { ...turn, status: 'interrupted' }
        : turn,
    ),
  }
}

/** The turns before the user turn `userTurnId` (that prompt and everything after it go). */
export function turnsBefore(conversation: Conversation, userTurnId: string): ChatTurn[] {
  const index = conversation.turns.findIndex((turn) => turn.id === userTurnId)
  return index < 0 ? conversation.turns : conversation.turns.slice(0, index)
}

/** An answer cut short with text to go on from: Continue sends it back to the model. */
export function canContinue(turn: AssistantTurn): boolean {
  if (turn.content.trim() === '') return false
  if (turn.status === 'stopped' || turn.status === 'interrupted') return true
  // A stream that broke off mid-way (not a refusal before any text, not a JSON verdict).
  return turn.status === 'error' && turn.error?.code !== 'invalid_json'
}

/**
 * The answer streaming on from where it stopped. Trailing whitespace goes: the model's
 * continuation brings its own (and Anthropic refuses a prefill that ends in whitespace).
 */
export function startContinuation(turn: AssistantTurn): AssistantTurn {
  const { error: _error, ...rest } = turn
  return { ...rest, content: turn.content.trimEnd(), status: 'streaming', continued: true }
}

/** The last answer and the prompt it answers, with the turns before that prompt. */
export function lastExchange(
  conversation: Conversation,
): { prompt: string; before: ChatTurn[]; answer: AssistantTurn } | null {
  const turns = conversation.turns
  const answer = turns.at(-1)
  const user = turns.at(-2)
  if (answer?.role !== 'assistant' || user?.role !== 'user') return null
  return { prompt: user.content, before: turns.slice(0, -2), answer }
}

/** The last user prompt and what came before it, for Regenerate. */
export function lastPrompt(
  conversation: Conversation,
): { prompt: string; before: ChatTurn[] } | null {
  for (let i = conversation.turns.length - 1; i >= 0; i--) {
    const turn = conversation.turns[i]!
    if (turn.role === 'user')
      return { prompt: turn.content, before: conversation.turns.slice(0, i) }
  }
  return null
}
