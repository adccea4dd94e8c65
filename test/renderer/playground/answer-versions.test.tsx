// @vitest-environment jsdom
// Regenerate keeps the earlier answer: versions per answer (1/2, 2/2), ‹ › and the arrow keys switch,
// the shown version is what later prompts get as history, and old turns without versions still read.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addVersion,
  allVersions,
  showVersion,
  versionCount,
} from '../../../src/shared/answer-versions'
import type { AssistantTurn } from '../../../src/shared/chat'
import { conversationSchema, MAX_ANSWER_VERSIONS } from '../../../src/shared/chat'
import type { MethodParsedInput } from '../../../src/shared/contract'
import { ChatView } from '../../../src/renderer/features/playground/ChatView'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import { MOCK_SETTINGS, MOCK_USED } from './chat-test-kit'

const metrics = { firstTokenMs: 1, totalMs: 2 }

function answer(content: string, over: Partial<AssistantTurn> = {}): AssistantTurn {
  return {
    id: 'a-1',
    role: 'assistant',
    content,
    createdAt: 'x',
    status: 'done',
    otherVersions: [],
    shownVersion: 0,
    ...over,
  }
}
const fresh = { content: '', createdAt: 'y', status: 'streaming' as const }

describe('answer versions (pure)', () => {
  it('Regenerate adds a version at the end and shows it; the earlier one is kept in order', () => {
    const two = addVersion(answer('first'), fresh)
    expect(two).toMatchObject({ content: '', status: 'streaming', shownVersion: 1 })
    expect(allVersions(two).map((v) => v.content)).toEqual(['first', ''])
    const back = showVersion({ ...two, content: 'second', status: 'done' }, 0)
    expect(back).toMatchObject({ id: 'a-1', content: 'first', shownVersion: 0 })
    expect(allVersions(back).map((v) => v.content)).toEqual(['first', 'second'])
    expect(showVersion(back, 5)).toBe(back)
  })

  it('drops a shown answer that failed before any text, and caps the versions', () => {
    const failed = answer('', { status: 'error', error: { code: 'unreachable', message: 'down' } })
    expect(versionCount(addVersion(failed, fresh))).toBe(1)
    let turn = answer('v0')
    for (let i = 1; i <= MAX_ANSWER_VERSIONS + 3; i++) {
      turn = addVersion({ ...turn, content: `v${i - 1}` }, { ...fresh, content: `v${i}` })
    }
    expect(versionCount(turn)).toBe(MAX_ANSWER_VERSIONS)
    expect(turn.content).toBe(`v${MAX_ANSWER_VERSIONS + 3}`)
  })

  it('reads a conversation saved before versions existed (one version, shown)', () => {
    const old = conversationSchema.parse({
      id: 'c-old',
      title: 't',
      createdAt: 'x',
      updatedAt: 'x',
      settings: { provider: 'mock', model: 'm' },
      turns: [
        { id: 'u', role: 'user', content: 'q', createdAt: 'x' },
        { id: 'a', role: 'assistant', content: 'old answer', createdAt: 'x', status: 'done' },
      ],
    })
    const turn = old.turns[1] as AssistantTurn
    expect(turn).toMatchObject({ otherVersions: [], shownVersion: 0 })
    expect(versionCount(turn)).toBe(1)
  })
})

let api: FakeAppApi
let sends: MethodParsedInput<'chat:send'>[]

beforeEach(() => {
  sends = []
  api = createFakeAppApi({
    'chat:send': (input) => {
      sends.push(input)
      return Promise.resolve({ streamId: input.streamId, used: MOCK_USED })
    },
    'chat:save': ({ conversation }) =>
      Promise.resolve({ id: conversation.id, title: 't', updatedAt: 'x', turnCount: 1 }),
    'chat:list': () => Promise.resolve([]),
  })
  setAppApi(api)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  usePlaygroundStore.setState({
    settings: MOCK_SETTINGS,
  })
})
afterEach(cleanup)

/** Answers the stream that is running now with `text`. */
async function answerWith(text: string) {
  await Promise.resolve()
  const streamId = usePlaygroundStore.getState().active!.streamId
  api.emit('chat:done', { streamId, text, metrics, used: MOCK_USED })
}

async function ask(prompt: string, reply: string) {
  usePlaygroundStore.getState().setDraft(prompt)
  const sending = usePlaygroundStore.getState().send()
  await answerWith(reply)
  await sending
}

async function regenerate(reply: string) {
  const running = usePlaygroundStore.getState().regenerate()
  await answerWith(reply)
  await running
}

describe('Regenerate in the store', () => {
  it('keeps both answers, resends the same prompt and history, and the shown one is sent later', async () => {
    await ask('one', 'first')
    await regenerate('second')
    const turn = usePlaygroundStore.getState().conversation.turns[1] as AssistantTurn
    expect(turn).toMatchObject({ content: 'second', shownVersion: 1, status: 'done' })
    expect(allVersions(turn).map((v) => v.content)).toEqual(['first', 'second'])
    expect(sends[1]).toMatchObject({ prompt: 'one', history: [] })

    usePlaygroundStore.getState().showVersion(turn.id, 0)
    await ask('two', 'third')
    expect(sends[2]?.history).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'first' },
    ])
    // The saved conversation holds every version.
    const saves = api.calls.filter((c) => c.channel === 'chat:save')
    const last = saves.at(-1)!.input as MethodParsedInput<'chat:save'>
    expect((last.conversation.turns[1] as AssistantTurn).otherVersions).toHaveLength(1)
  })
})

describe('the version switcher', () => {
  it('shows 1/2, 2/2 with named controls; buttons and arrow keys switch, focus stays', async () => {
    await ask('one', 'first answer')
    await regenerate('second answer')
    render(<ChatView />)
    const group = screen.getByRole('group', { name: 'Answer version 2 of 2' })
    expect(group.textContent).toContain('2/2')
    const response = screen.getByRole('region', { name: 'Response' })
    expect(response.textContent).toContain('second answer')
    expect(response.textContent).not.toContain('first answer')

    const previous = within(group).getByRole('button', { name: 'Previous version' })
    previous.focus()
    fireEvent.click(previous)
    expect(screen.getByRole('group', { name: 'Answer version 1 of 2' }).textContent).toContain(
      '1/2',
    )
    expect(response.textContent).toContain('first answer')
    // At the first version Previous stays focusable (aria-disabled), so keys keep working.
    expect(previous.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(previous)
    fireEvent.keyDown(previous, { key: 'ArrowRight' })
    expect(response.textContent).toContain('second answer')
    fireEvent.keyDown(previous, { key: 'Home' })
    expect(response.textContent).toContain('first answer')
  })

  it('has no switcher for a single answer, and Regenerate says the earlier one is kept', async () => {
    await ask('one', 'only answer')
    render(<ChatView />)
    expect(screen.queryByRole('group', { name: /Answer version/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Regenerate' }).getAttribute('title')).toMatch(
      /this one is kept/,
    )
  })
})
