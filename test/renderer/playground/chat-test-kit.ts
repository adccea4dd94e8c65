// What the Playground's renderer tests share: the Mock model an answer came from, its settings, a frame.
import type { ChatSettings, Conversation, ConversationSummary } from '../../../src/shared/chat'

/** Who answered, as the fake `chat:send` reports it. */
export const MOCK_USED = {
  provider: 'mock' as const,
  model: 'mock-model',
  baseUrl: null,
  handler: 'MockHandler',
  fallbackReason: null,
}

export const MOCK_SETTINGS: ChatSettings = {
  provider: 'mock',
  model: 'mock-model',
  system: '',
  jsonMode: false,
}

/** Resolves after the next animation frame (stream deltas are flushed once per frame). */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** What `chat:save` answers for a conversation. */
export function summaryOf(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    title: conversation.title,
    updatedAt: conversation.updatedAt,
    turnCount: conversation.turns.length,
  }
}
