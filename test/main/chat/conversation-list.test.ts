// The saved-conversation list: plain titles, rename, order by last use, search by text.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createChatHandlers } from '../../../src/main/api/chat-handlers'
import { createWorkspaceSession } from '../../../src/main/api/workspace-session'
import { ConversationStore } from '../../../src/main/services/chat'
import { lastUsedAt } from '../../../src/main/services/chat/conversation-store'
import { FileSecretStore } from '../../../src/main/services/secrets'
import type { Conversation } from '../../../src/shared/chat'
import { methods } from '../../../src/shared/contract'
import { makeWorkspace } from '../../helpers/workspace'

function conversation(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: 'Sorting in Rust',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    settings: { provider: 'mock', model: 'mock-model', system: '', jsonMode: false },
    turns: [
      { id: 'u1', role: 'user', content: 'How do I sort?', createdAt: '2026-01-01T10:00:00.000Z' },
      {
        id: 'a1',
        role: 'assistant',
        content: 'Use `sort`.',
        createdAt: '2026-01-01T10:00:00.000Z',
        status: 'done',
        otherVersions: [],
        shownVersion: 0,
      },
    ],
    ...over,
  }
}

describe('titles in the list', () => {
  it('are plain text, also for titles saved with Markdown marks', async () => {
    const store = new ConversationStore(makeWorkspace())
    await store.save(conversation('c-md', { title: '**Why** is `ollama serve` [down](http://x)?' }))
    expect((await store.list())[0]?.title).toBe('Why is ollama serve down?')
    // The file keeps what was saved: only the list shows it stripped.
    expect((await store.load('c-md')).title).toBe('**Why** is `ollama serve` [down](http://x)?')
  })
})

describe('rename', () => {
  it('changes only the title (and when it changed), atomically, and lists it', async () => {
    const at = new Date('2026-02-02T08:00:00.000Z')
    const store = new ConversationStore(makeWorkspace(), { now: () => at })
    await store.save(conversation('c-1'))
    const summary = await store.rename('c-1', 'Rust sorting notes')
    expect(summary).toMatchObject({ id: 'c-1', title: 'Rust sorting notes' })
    const saved = await store.load('c-1')
    expect(saved).toEqual({
      ...conversation('c-1'),
      title: 'Rust sorting notes',
      updatedAt: at.toISOString(),
    })
    expect(readdirSync(store.dir)).toEqual(['c-1.json'])
    expect((await store.list()).map((c) => c.title)).toEqual(['Rust sorting notes'])
  })

  it('does not move a conversation up the list: last use is its last message', async () => {
    const store = new ConversationStore(makeWorkspace(), {
      now: () => new Date('2026-06-01T00:00:00.000Z'),
    })
    await store.save(conversation('older', { turns: turnsAt('2026-01-01T09:00:00.000Z') }))
    await store.save(conversation('newer', { turns: turnsAt('2026-01-02T09:00:00.000Z') }))
    await store.rename('older', 'Renamed')
    expect((await store.list()).map((c) => c.id)).toEqual(['newer', 'older'])
  })

  it('is refused for a missing conversation (not_found) and for a blank title', async () => {
    const handlers = createChatHandlers({
      session: createWorkspaceSession({
        workspace: makeWorkspace(),
        env: {},
        createSecrets: (dir) => new FileSecretStore(dir),
      }),
    })
    await expect(handlers['chat:rename']({ id: 'missing', title: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
    const input = methods['chat:rename'].input
    const blank = input.safeParse({ id: 'c-1', title: ' \n\t ' })
    expect(blank.success).toBe(false)
    expect(blank.error?.issues[0]?.message).toMatch(/at least one character/)
    expect(input.parse({ id: 'c-1', title: '  two\nlines  ' })).toEqual({
      id: 'c-1',
      title: 'two lines',
    })
    expect(input.safeParse({ id: 'c-1', title: 'x'.repeat(201) }).success).toBe(false)
    expect(input.safeParse({ id: '../x', title: 'ok' }).success).toBe(false)
  })
})

function turnsAt(at: string): Conversation['turns'] {
  return [
    { id: 'u1', role: 'user', content: 'first', createdAt: '2025-12-31T00:00:00.000Z' },
    {
      id: 'a1',
      role: 'assistant',
      content: 'ok',
      createdAt: at,
      status: 'done',
      otherVersions: [],
      shownVersion: 0,
    },
  ]
}

describe('order by last use', () => {
  it('is by the last message, not by creation or the last save', async () => {
    const store = new ConversationStore(makeWorkspace())
    await store.save(
      conversation('created-first-used-last', {
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        turns: turnsAt('2026-03-01T00:00:00.000Z'),
      }),
    )
    await store.save(
      conversation('created-last', {
        createdAt: '2026-02-01T00:00:00.000Z',
        updatedAt: '2026-04-01T00:00:00.000Z',
        turns: turnsAt('2026-02-01T00:00:00.000Z'),
      }),
    )
    const list = await store.list()
    expect(list.map((c) => [c.id, c.lastUsedAt])).toEqual([
      ['created-first-used-last', '2026-03-01T00:00:00.000Z'],
      ['created-last', '2026-02-01T00:00:00.000Z'],
    ])
  })

  it('falls back to updatedAt when no message has a readable time', () => {
    const odd = conversation('x', {
      updatedAt: '2026-05-05T00:00:00.000Z',
      turns: [{ id: 'u', role: 'user', content: 'hi', createdAt: 'yesterday-ish' }],
    })
    expect(lastUsedAt(odd)).toBe('2026-05-05T00:00:00.000Z')
  })
})

describe('search', () => {
  async function seeded() {
    const store = new ConversationStore(makeWorkspace())
    await store.save(conversation('rust', { turns: turnsAt('2026-01-03T00:00:00.000Z') }))
    await store.save(
      conversation('pasta', {
        title: 'Dinner ideas',
        turns: [
          { id: 'u1', role: 'user', content: 'A **quick** pasta?', createdAt: '2026-01-02T00:00Z' },
          {
            id: 'a1',
            role: 'assistant',
            content: `${'Boil water. '.repeat(8)}Then add the Carbonara sauce and serve hot.`,
            createdAt: '2026-01-02T00:00:01Z',
            status: 'done',
            otherVersions: [],
            shownVersion: 0,
          },
        ],
      }),
    )
    return store
  }

  it('finds by title, prompt or answer, any case, every word needed', async () => {
    const store = await seeded()
    const ids = async (query: string) => (await store.list({ query })).map((c) => c.id)
    expect(await ids('RUST')).toEqual(['rust'])
    expect(await ids('quick')).toEqual(['pasta'])
    expect(await ids('carbonara hot')).toEqual(['pasta'])
    expect(await ids('carbonara rust')).toEqual([])
    expect(await ids('   ')).toEqual(['rust', 'pasta'])
    expect(await ids('(unbalanced [regex*')).toEqual([])
  })

  it('says where it matched, with plain text around the first hit', async () => {
    const store = await seeded()
    expect((await store.list({ query: 'rust' }))[0]?.match).toEqual({ field: 'title', snippet: '' })
    expect((await store.list({ query: 'quick' }))[0]?.match).toEqual({
      field: 'prompt',
      snippet: 'A quick pasta?',
    })
    const answer = (await store.list({ query: 'dinner carbonara' }))[0]?.match
    expect(answer?.field).toBe('answer')
    expect(answer?.snippet).toMatch(/^….*Then add the Carbonara sauce and serve hot\.$/)
  })

  it('re-reads only files that changed since the last list, and sees outside changes', async () => {
    const store = await seeded()
    await store.list()
    const load = vi.spyOn(store, 'load')
    expect(await store.list({ query: 'carbonara' })).toHaveLength(1)
    expect(load).not.toHaveBeenCalled()
    const path = join(store.dir, 'pasta.json')
    writeFileSync(path, readFileSync(path, 'utf8').replace('Carbonara', 'Amatriciana'))
    expect(await store.list({ query: 'carbonara' })).toEqual([])
    expect(load.mock.calls.map(([id]) => id)).toEqual(['pasta'])
    unlinkSync(path)
    expect((await store.list()).map((c) => c.id)).toEqual(['rust'])
  })
})
