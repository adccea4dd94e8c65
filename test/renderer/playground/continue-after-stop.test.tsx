// @vitest-environment jsdom
// Continue after Stop: the stopped answer goes back as continueFrom with the same prompt and history,
// the continuation is appended to the same turn, and a refused send leaves the stopped answer as it was.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AssistantTurn } from '../../../src/shared/chat'
import type { MethodParsedInput } from '../../../src/shared/contract'
import { ChatView } from '../../../src/renderer/features/playground/ChatView'
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
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  usePlaygroundStore.setState({
    settings: MOCK_SETTINGS,
  })
})
afterEach(cleanup)

const lastTurn = () => usePlaygroundStore.getState().conversation.turns.at(-1) as AssistantTurn
const streamId = () => usePlaygroundStore.getState().active!.streamId

/** Asks, then stops after `partial` arrived. */
async function askAndStop(prompt: string, partial: string) {
  usePlaygroundStore.getState().setDraft(prompt)
  await usePlaygroundStore.getState().send()
  await usePlaygroundStore.getState().stop()
  api.emit('chat:error', {
    streamId: streamId(),
    error: { code: 'aborted', message: 'Stopped.' },
    partialText: partial,
  })
}

describe('Continue after Stop', () => {
  it('sends the answer so far back and appends the rest to the same turn', async () => {
    await askAndStop('tell me a story', 'Once upon a time ')
    expect(lastTurn()).toMatchObject({ status: 'stopped', content: 'Once upon a time ' })
    const turnId = lastTurn().id

    await usePlaygroundStore.getState().continueAnswer()
    expect(sends[1]).toMatchObject({
      prompt: 'tell me a story',
      history: [],
      continueFrom: 'Once upon a time',
    })
    expect(lastTurn()).toMatchObject({ id: turnId, status: 'streaming', continued: true })
    api.emit('chat:delta', { streamId: streamId(), text: ' there was' })
    await nextFrame()
    expect(lastTurn().content).toBe('Once upon a time there was')
    api.emit('chat:done', {
      streamId: streamId(),
      text: ' there was a fox.',
      metrics: { firstTokenMs: 1, totalMs: 2 },
      used: MOCK_USED,
    })
    expect(lastTurn()).toMatchObject({
      id: turnId,
      content: 'Once upon a time there was a fox.',
      status: 'done',
    })
    expect(usePlaygroundStore.getState().conversation.turns).toHaveLength(2)
  })

  it('a continuation stopped again keeps both parts', async () => {
    await askAndStop('story', 'One')
    await usePlaygroundStore.getState().continueAnswer()
    await usePlaygroundStore.getState().stop()
    api.emit('chat:error', {
      streamId: streamId(),
      error: { code: 'aborted', message: 'Stopped.' },
      partialText: ' two',
    })
    expect(lastTurn()).toMatchObject({ content: 'One two', status: 'stopped' })
  })

  it('a refused continuation leaves the stopped answer as it was and says why', async () => {
    await askAndStop('story', 'One')
    const before = lastTurn()
    refuseWith(new AppError({ code: 'unreachable', message: 'down' }))
    await usePlaygroundStore.getState().continueAnswer()
    expect(lastTurn()).toEqual(before)
    expect(usePlaygroundStore.getState().notice).toMatch(/down/)
  })

  it('offers Continue on a stopped last answer only, and the button continues', async () => {
    await askAndStop('story', 'One')
    render(<ChatView />)
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(sends[1]).toMatchObject({ continueFrom: 'One' })
    api.emit('chat:done', {
      streamId: streamId(),
      text: ' two.',
      metrics: { firstTokenMs: 1, totalMs: 2 },
      used: MOCK_USED,
    })
    await nextFrame()
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull()
    expect(screen.getByRole('region', { name: 'Response' }).textContent).toContain('One two.')
  })
})
