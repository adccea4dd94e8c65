// @vitest-environment jsdom
// The Playground store on the fake AppApi: streaming into a turn, history, regenerate, nothing lost on error.
import { beforeEach, describe, expect, it } from 'vitest'
import type { MethodParsedInput } from '../../../src/shared/contract'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { AppError } from '../../../src/renderer/platform/app-api'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import type { FakeChatApi } from './chat-test-kit'
import { fakeChatApi, MOCK_SETTINGS, MOCK_USED, nextFrame } from './chat-test-kit'

let api: FakeAppApi
let sends: MethodParsedInput<'chat:send'>[]
let refuseWith: FakeChatApi['refuseWith']

beforeEach(() => {
  ;({ api, sends, refuseWith } = fakeChatApi())
  setAppApi(api)
  usePlaygroundStore.setState({
    settings: MOCK_SETTINGS,
    active: null,
    draft: '',
    notice: null,
  })
  usePlaygroundStore.getState().newConversation()
})

/** Sends the draft and answers it through chat:delta (two deltas in one frame) and chat:done. */
async function exchange(prompt: string, answer: string) {
  usePlaygroundStore.getState().setDraft(prompt)
  const sending = usePlaygroundStore.getState().send()
  await Promise.resolve()
  const streamId = usePlaygroundStore.getState().active!.streamId
  api.emit('chat:delta', { streamId, text: answer.slice(0, 3) })
  api.emit('chat:delta', { streamId, text: answer.slice(3) })
  await sending
  await nextFrame()
  const turn = usePlaygroundStore.getState().conversation.turns.at(-1)
  expect(turn).toMatchObject({ role: 'assistant', content: answer, status: 'streaming' })
  api.emit('chat:done', {
    streamId,
    text: answer,
    metrics: { firstTokenMs: 1, totalMs: 2 },
    used: MOCK_USED,
  })
}

describe('usePlaygroundStore', () => {
  it('streams an answer into the turn (batched per frame), then saves the conversation', async () => {
    await exchange('hello', 'world!')
    const state = usePlaygroundStore.getState()
    expect(state.active).toBeNull()
    expect(state.conversation.title).toBe('hello')
    expect(state.conversation.turns.at(-1)).toMatchObject({
      status: 'done',
      metrics: { totalMs: 2 },
      used: MOCK_USED,
    })
    await Promise.resolve()
    expect(api.calls.some((c) => c.channel === 'chat:save')).toBe(true)
  })

  it('sends earlier turns as history; Regenerate resends the last prompt without its old answer', async () => {
    await exchange('one', 'first')
    await exchange('two', 'second')
    expect(sends[1]?.history).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'first' },
    ])
    const regenerating = usePlaygroundStore.getState().regenerate()
    await regenerating
    expect(sends[2]).toMatchObject({ prompt: 'two', history: sends[1]!.history })
    expect(usePlaygroundStore.getState().conversation.turns).toHaveLength(4)
  })

  it('a refused send puts the prompt back in the box and says why', async () => {
    refuseWith(new AppError({ code: 'config_invalid', message: 'broken json' }))
    usePlaygroundStore.getState().setDraft('keep me')
    await usePlaygroundStore.getState().send()
    const state = usePlaygroundStore.getState()
    expect(state.draft).toBe('keep me')
    expect(state.conversation.turns).toHaveLength(0)
    expect(state.notice).toMatch(/broken json/)
  })

  it('Stop keeps the partial answer and marks it stopped', async () => {
    usePlaygroundStore.getState().setDraft('long one')
    await usePlaygroundStore.getState().send()
    const streamId = usePlaygroundStore.getState().active!.streamId
    api.emit('chat:delta', { streamId, text: 'part' })
    await usePlaygroundStore.getState().stop()
    api.emit('chat:error', {
      streamId,
      error: { code: 'aborted', message: 'Stopped.' },
      partialText: 'partial',
    })
    expect(usePlaygroundStore.getState().conversation.turns.at(-1)).toMatchObject({
      status: 'stopped',
      content: 'partial',
    })
    expect(api.calls.some((c) => c.channel === 'chat:stop')).toBe(true)
  })
})
