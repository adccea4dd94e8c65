// Pure steps on a conversation: start one, add turns, apply stream results, cut for regenerate/edit.
import type {
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
      content: '',
      createdAt: at,
      status: 'streaming',
      jsonMode: settings.jsonMode,
    },
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

export function finishTurn(turn: AssistantTurn, event: ChatDoneEvent): AssistantTurn {
  // The final text replaces what streamed: if an event went missing, the answer is still whole.
  return { ...turn, content: event.text, status: 'done', metrics: event.metrics, used: event.used }
}

export function failTurn(
  turn: AssistantTurn,
  event: ChatErrorEvent,
  used: UsedModel | undefined,
): AssistantTurn {
  const stopped = event.error.code === 'aborted'
  return {
    ...turn,
    content: event.partialText.length >= turn.content.length ? event.partialText : turn.content,
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
