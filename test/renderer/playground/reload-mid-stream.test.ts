// @vitest-environment jsdom
// A reload mid-stream loses nothing: the prompt and the text so far are saved while streaming,
// come back marked interrupted, and leaving the page while an answer streams asks first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation } from '../../../src/shared/chat'
import {
  PARTIAL_SAVE_MS,
  usePlaygroundStore,
} from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import { MOCK_SETTINGS, MOCK_USED, summaryOf } from './chat-test-kit'

let api: FakeAppApi
let saved: Conversation[]

beforeEach(() => {
  saved = []
  api = createFakeAppApi({
    'chat:send': (input) => Promise.resolve({ streamId: input.streamId, used: MOCK_USED }),
    'chat:save': ({ conversation }) => {
      saved.push(conversation)
      return Promise.resolve(summaryOf(conversation))
    },
    'chat:list': () => Promise.resolve([]),
    'chat:load': ({ id }) => Promise.resolve({ ...saved.at(-1)!, id }),
  })
  setAppApi(api)
  usePlaygroundStore.setState({
    settings: MOCK_SETTINGS,
    active: null,
    draft: '',
    notice: null,
  })
  usePlaygroundStore.getState().newConversation()
})
afterEach(() => vi.useRealTimers())

const leaving = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('a reload mid-stream', () => {
  it('saves the prompt at once and the partial answer while it streams; warns before unload', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    usePlaygroundStore.getState().setDraft('tell me a story')
    await usePlaygroundStore.getState().send()
    const streamId = usePlaygroundStore.getState().active!.streamId
    await vi.waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]!.turns.map((t) => t.content)).toEqual(['tell me a story', ''])
    expect(leaving()).toBe(true)

    api.emit('chat:delta', { streamId, text: 'Once upon' })
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await vi.advanceTimersByTimeAsync(PARTIAL_SAVE_MS)
    await vi.waitFor(() => expect(saved).toHaveLength(2))
    expect(saved[1]!.turns[1]).toMatchObject({ content: 'Once upon', status: 'streaming' })

    api.emit('chat:done', {
      streamId,
      text: 'Once upon a time.',
      metrics: { firstTokenMs: 1, totalMs: 2 },
      used: MOCK_USED,
    })
    await vi.waitFor(() => expect(saved.at(-1)!.turns[1]).toMatchObject({ status: 'done' }))
    expect(leaving()).toBe(false)
  })

  it('reopens a conversation saved mid-stream with the answer marked interrupted', async () => {
    const conversation = usePlaygroundStore.getState().conversation
    saved.push({
      ...conversation,
      turns: [
        { id: 'u-1', role: 'user', content: 'tell me a story', createdAt: 'x' },
        {
          id: 'a-1',
          role: 'assistant',
          content: 'Once upon',
          createdAt: 'x',
          status: 'streaming',
          otherVersions: [],
          shownVersion: 0,
        },
      ],
    })
    usePlaygroundStore.getState().newConversation()
    await usePlaygroundStore.getState().open('c-old')
    const turns = usePlaygroundStore.getState().conversation.turns
    expect(turns[0]).toMatchObject({ content: 'tell me a story' })
    expect(turns[1]).toMatchObject({ content: 'Once upon', status: 'interrupted' })
  })
})
