// What the Playground's renderer tests share: the Mock model an answer came from, its settings, a frame,
// and a fake app API that answers the chat calls.
import type { AppError } from '../../../src/renderer/platform/app-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import type { ChatSettings, Conversation, ConversationSummary } from '../../../src/shared/chat'
import type { MethodParsedInput } from '../../../src/shared/contract'

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

export interface FakeChatApi {
  api: FakeAppApi
  /** Every chat:send the fake accepted, in order. */
  sends: MethodParsedInput<'chat:send'>[]
  /** From now on chat:send rejects with `error` (and records nothing). */
  refuseWith: (error: AppError) => void
}

/** A fake app API for the Playground's chat calls: send (answered by the Mock), save, list, stop. */
export function fakeChatApi(): FakeChatApi {
  const sends: MethodParsedInput<'chat:send'>[] = []
  let refusal: AppError | undefined
  const api = createFakeAppApi({
    'chat:send': (input) => {
      if (refusal) return Promise.reject(refusal)
      sends.push(input)
      return Promise.resolve({ streamId: input.streamId, used: MOCK_USED })
    },
    'chat:save': ({ conversation }) => Promise.resolve(summaryOf(conversation)),
    'chat:list': () => Promise.resolve([]),
    'chat:stop': () => Promise.resolve({ stopped: true }),
  })
  return {
    api,
    sends,
    refuseWith: (error) => {
      refusal = error
    },
  }
}
