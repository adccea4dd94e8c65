// @vitest-environment jsdom
// The saved-conversation list: rename in place, search by text, last-use order with dates, plain titles.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConversationsPanel } from '../../../src/renderer/features/playground/ConversationsPanel'
import {
  SEARCH_DELAY_MS,
  useConversationSearchStore,
} from '../../../src/renderer/features/playground/conversation-search-store'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { AppError } from '../../../src/renderer/platform/app-api'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import type { ConversationSummary } from '../../../src/shared/chat'

const NOW = new Date(2026, 11, 3, 14, 30)
const local = (...parts: [number, number, number, number, number]) =>
  new Date(...parts).toISOString()

let api: FakeAppApi
let saved: ConversationSummary[]
let refuseRename: AppError | null

function summary(id: string, title: string, lastUsedAt: string): ConversationSummary {
  return { id, title, updatedAt: lastUsedAt, lastUsedAt, turnCount: 2 }
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  refuseRename = null
  saved = [
    summary('c-today', 'Sorting in Rust', local(2026, 11, 3, 14, 5)),
    summary('c-yesterday', 'Dinner ideas', local(2026, 11, 2, 9, 12)),
    summary('c-old', 'Trip to Lisbon', local(2026, 10, 28, 18, 0)),
  ]
  api = createFakeAppApi({
    'chat:list': ({ query }) => {
      if (!query) return Promise.resolve(saved)
      const found = saved
        .filter((c) => c.title.toLowerCase().includes(query.toLowerCase()))
        .map((c) => ({ ...c, match: { field: 'answer' as const, snippet: '…flights to Lisbon…' } }))
      return Promise.resolve(found)
    },
    'chat:rename': ({ id, title }) => {
      if (refuseRename) return Promise.reject(refuseRename)
      saved = saved.map((c) => (c.id === id ? { ...c, title } : c))
      return Promise.resolve(saved.find((c) => c.id === id)!)
    },
    'chat:delete': () => Promise.resolve({ deleted: true }),
  })
  setAppApi(api)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  useConversationSearchStore.setState(useConversationSearchStore.getInitialState(), true)
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

async function renderPanel() {
  await act(() => usePlaygroundStore.getState().refreshSaved())
  return render(<ConversationsPanel />)
}

/** Lets the fake API's promises (and the store updates after them) settle. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
  })
}

const callsTo = (channel: string) => api.calls.filter((c) => c.channel === channel)

describe('order and dates', () => {
  it('groups Today / Yesterday / Earlier, each row with a short date and the full one on hover', async () => {
    await renderPanel()
    const groups = screen
      .getAllByRole('region', { name: /^(Today|Yesterday|Earlier)$/ })
      .map((region) => ({
        group: region.getAttribute('aria-label'),
        rows: within(region)
          .getAllByRole('listitem')
          .map((row) => row.querySelector('time')?.textContent),
      }))
    expect(groups).toEqual([
      { group: 'Today', rows: ['14:05'] },
      { group: 'Yesterday', rows: ['09:12'] },
      { group: 'Earlier', rows: ['28 Nov'] },
    ])
    const time = screen.getAllByRole('listitem')[0]!.querySelector('time')!
    expect(time.getAttribute('title')).toMatch(/^Last used Thursday,? 3 December 2026 at 14:05/)
    // The button is named by the title alone; the date describes it.
    const open = screen.getByRole('button', { name: 'Sorting in Rust' })
    expect(open.getAttribute('aria-describedby')).toBeTruthy()
  })
})

describe('rename', () => {
  it('Enter saves the typed title, the list shows it, focus goes back to Rename', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Rename conversation Dinner ideas' }))
    const box = screen.getByRole<HTMLInputElement>('textbox', { name: 'Conversation title' })
    expect(document.activeElement).toBe(box)
    expect(box.value).toBe('Dinner ideas')
    fireEvent.change(box, { target: { value: '  Pasta   night ' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    expect(callsTo('chat:rename').map((c) => c.input)).toEqual([
      { id: 'c-yesterday', title: 'Pasta night' },
    ])
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull()
    await act(() => vi.runAllTimersAsync())
    const rename = screen.getByRole('button', { name: 'Rename conversation Pasta night' })
    expect(document.activeElement).toBe(rename)
  })

  it('Esc cancels; an empty title is refused with a hint, nothing sent', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Rename conversation Dinner ideas' }))
    let box = screen.getByRole('textbox', { name: 'Conversation title' })
    fireEvent.change(box, { target: { value: 'Something else' } })
    fireEvent.keyDown(box, { key: 'Escape' })
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Dinner ideas' })).toBeTruthy()

    // F2 on a conversation starts the rename too.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Dinner ideas' }), { key: 'F2' })
    box = screen.getByRole('textbox', { name: 'Conversation title' })
    fireEvent.change(box, { target: { value: '   ' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(screen.getByRole('alert').textContent).toMatch(/at least one character.*Esc/)
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(callsTo('chat:rename')).toEqual([])
  })

  it('a refused rename says why and keeps the box open with what was typed', async () => {
    refuseRename = new AppError({ code: 'not_found', message: 'No saved conversation "c-old".' })
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Rename conversation Trip to Lisbon' }))
    const box = screen.getByRole<HTMLInputElement>('textbox', { name: 'Conversation title' })
    fireEvent.change(box, { target: { value: 'Lisbon 2027' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    expect(screen.getByRole('alert').textContent).toBe(
      'The title was not saved: No saved conversation "c-old".',
    )
    expect(box.value).toBe('Lisbon 2027')
  })

  it('renaming the open conversation renames it in the Playground, after the saves queued', async () => {
    let releaseSave = () => undefined as void
    api = createFakeAppApi({
      'chat:list': () => Promise.resolve(saved),
      'chat:send': ({ streamId }) =>
        Promise.resolve({
          streamId,
          used: {
            provider: 'mock',
            model: 'm',
            baseUrl: null,
            handler: 'Mock',
            fallbackReason: null,
          },
        }),
      'chat:save': ({ conversation: c }) =>
        new Promise((resolve) => {
          releaseSave = () => resolve(summary(c.id, c.title, c.updatedAt))
        }),
      'chat:rename': ({ id, title }) => Promise.resolve(summary(id, title, NOW.toISOString())),
    })
    setAppApi(api)
    const store = usePlaygroundStore.getState()
    usePlaygroundStore.setState({
      settings: { provider: 'mock', model: 'm', system: '', jsonMode: false },
      draft: '**Sort** a Vec',
    })
    void store.send()
    await settle()
    const { id, title } = usePlaygroundStore.getState().conversation
    expect(title).toBe('Sort a Vec')
    expect(callsTo('chat:save')).toHaveLength(1)
    const renaming = store.rename(id, 'Rust: sort a Vec')
    expect(usePlaygroundStore.getState().conversation.title).toBe('Rust: sort a Vec')
    await settle()
    // The save that was on its way (old title) lands first; the rename comes after it.
    expect(callsTo('chat:rename')).toEqual([])
    releaseSave()
    await act(() => renaming)
    expect(api.calls.map((c) => c.channel).filter((c) => c !== 'chat:list')).toEqual([
      'chat:send',
      'chat:save',
      'chat:rename',
    ])
  })
})

describe('search', () => {
  async function type(text: string) {
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search conversations' }), {
      target: { value: text },
    })
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS))
    await settle()
  }

  it('asks the workspace once typing pauses, and shows the hits with where they matched', async () => {
    await renderPanel()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search conversations' }), {
      target: { value: 'l' },
    })
    await type('lisbon')
    expect(callsTo('chat:list').map((c) => c.input)).toEqual([{}, { query: 'lisbon' }])
    expect(screen.getByRole('status').textContent).toBe('1 conversation matches')
    const row = screen.getByRole('listitem')
    expect(within(row).getByRole('button', { name: 'Trip to Lisbon' })).toBeTruthy()
    expect(row.textContent).toContain('in an answer')
    expect(row.querySelector('mark')?.textContent).toBe('Lisbon')
  })

  it('says when nothing matches, and both clear buttons bring the whole list back', async () => {
    await renderPanel()
    await type('zebra')
    expect(screen.getByRole('status').textContent).toContain('No conversation matches “zebra”.')
    fireEvent.click(screen.getByRole('button', { name: 'Show all conversations' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
    await type('zebra')
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search conversations' })
    expect(box.value).toBe('')
    expect(document.activeElement).toBe(box)
  })

  it('Ctrl+K, or / outside a text field, puts the cursor in the search box', async () => {
    await renderPanel()
    const box = screen.getByRole('searchbox', { name: 'Search conversations' })
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true })
    expect(document.activeElement).toBe(box)
    box.blur()
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(box)
    // In a text field, / is a character.
    const rename = screen.getByRole('button', { name: 'Rename conversation Dinner ideas' })
    fireEvent.click(rename)
    const title = screen.getByRole('textbox', { name: 'Conversation title' })
    fireEvent.keyDown(title, { key: '/' })
    expect(document.activeElement).toBe(title)
  })

  it('shows only the answer to the latest query when an earlier one comes back last', async () => {
    let answerFirst: (value: ConversationSummary[]) => void = () => undefined
    api = createFakeAppApi({
      'chat:list': ({ query }) =>
        query === 'din'
          ? new Promise((resolve) => (answerFirst = resolve))
          : Promise.resolve(query ? [saved[1]!] : saved),
    })
    setAppApi(api)
    await renderPanel()
    await type('din')
    await type('dinner')
    answerFirst([saved[0]!, saved[2]!])
    await settle()
    expect(screen.getAllByRole('listitem').map((row) => row.textContent)).toEqual([
      expect.stringContaining('Dinner ideas'),
    ])
  })
})
