// Saved conversations: atomic files per workspace, listing, bad files skipped, export without keys.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConversationStore, exportConversation } from '../../../src/main/services/chat'
import type { Conversation } from '../../../src/shared/chat'
import { makeWorkspace } from '../../helpers/workspace'

const KEY = 'gsk_live_abcdefghijklmnop1234'

function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c-1',
    title: 'Sorting in Rust',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:05:00.000Z',
    settings: {
      provider: 'groq',
      model: 'llama-3.3-70b-versatile',
      system: 'be brief',
      jsonMode: false,
      temperature: 0.2,
    },
    turns: [
      { id: 'u1', role: 'user', content: 'How do I sort?', createdAt: '2026-01-01T10:00:00.000Z' },
      {
        id: 'a1',
        role: 'assistant',
        content: 'Use `sort`:\n\n```rust\nv.sort();\n```',
        createdAt: '2026-01-01T10:00:01.000Z',
        status: 'done',
        used: {
          provider: 'groq',
          model: 'llama-3.3-70b-versatile',
          baseUrl: 'https://api.groq.com/openai/v1',
          handler: 'GroqHandler',
          fallbackReason: null,
        },
        metrics: {
          firstTokenMs: 120,
          totalMs: 400,
          tokensPerSecond: 80,
          promptTokens: 12,
          completionTokens: 9,
        },
        otherVersions: [],
        shownVersion: 0,
      },
    ],
    ...over,
  }
}

describe('ConversationStore', () => {
  it('saves into .mindx/conversations atomically and loads back what it saved', async () => {
    const workspace = makeWorkspace()
    const store = new ConversationStore(workspace)
    const summary = await store.save(conversation())
    expect(summary).toEqual({
      id: 'c-1',
      title: 'Sorting in Rust',
      updatedAt: '2026-01-01T10:05:00.000Z',
      lastUsedAt: '2026-01-01T10:00:01.000Z',
      turnCount: 2,
    })
    const dir = join(workspace, '.mindx', 'conversations')
    // No temp file left behind: the write went through a renamed sibling.
    expect(readdirSync(dir)).toEqual(['c-1.json'])
    expect(await store.load('c-1')).toEqual(conversation())
    // A second store (an app restart) sees the same conversation.
    expect(await new ConversationStore(workspace).list()).toEqual([summary])
  })

  it('replaces the whole file on each save, and a streaming turn is saved as interrupted', async () => {
    const workspace = makeWorkspace()
    const store = new ConversationStore(workspace)
    await store.save(conversation())
    const turns = conversation().turns.map((t) =>
      t.role === 'assistant' ? { ...t, status: 'streaming' as const } : t,
    )
    await store.save(conversation({ turns, updatedAt: '2026-01-02T00:00:00.000Z' }))
    const saved = JSON.parse(readFileSync(join(store.dir, 'c-1.json'), 'utf8')) as Conversation
    expect(saved.updatedAt).toBe('2026-01-02T00:00:00.000Z')
    expect(saved.turns[1]).toMatchObject({ status: 'interrupted' })
  })

  it('lists newest first and skips files that are not conversations', async () => {
    const workspace = makeWorkspace()
    const store = new ConversationStore(workspace)
    await store.save(conversation({ id: 'old', updatedAt: '2026-01-01T00:00:00.000Z' }))
    await store.save(conversation({ id: 'new', updatedAt: '2026-03-01T00:00:00.000Z' }))
    mkdirSync(store.dir, { recursive: true })
    writeFileSync(join(store.dir, 'broken.json'), '{ not json')
    writeFileSync(join(store.dir, 'notes.txt'), 'hello')
    expect((await store.list()).map((s) => s.id)).toEqual(['new', 'old'])
  })

  it('refuses ids that could leave the folder and reports missing ones', async () => {
    const store = new ConversationStore(makeWorkspace())
    await expect(store.load('../../etc/passwd')).rejects.toThrow()
    await expect(store.load('missing')).rejects.toThrow(/No saved conversation "missing"/)
    expect(await store.delete('missing')).toBe(false)
  })

  it('deletes', async () => {
    const store = new ConversationStore(makeWorkspace())
    await store.save(conversation())
    expect(await store.delete('c-1')).toBe(true)
    expect(await store.list()).toEqual([])
  })
})

describe('exportConversation', () => {
  // A key smuggled into extra fields (as a careless future change might) must not be exported.
  const withKey = {
    ...conversation(),
    apiKey: KEY,
    settings: { ...conversation().settings, apiKey: KEY },
    turns: conversation().turns.map((t) =>
      t.role === 'assistant' && t.used ? { ...t, used: { ...t.used, apiKey: KEY } } : t,
    ),
  } as Conversation

  it('Markdown: title, settings, each turn, metrics, the answer code block intact; no key', () => {
    const out = exportConversation(withKey, 'markdown')
    expect(out).toMatchObject({ filename: 'sorting-in-rust.md', mimeType: 'text/markdown' })
    expect(out.content).toContain('# Sorting in Rust')
    expect(out.content).toContain('## You\n\nHow do I sort?')
    expect(out.content).toContain('## groq · llama-3.3-70b-versatile')
    expect(out.content).toContain('```rust\nv.sort();\n```')
    expect(out.content).toContain('first token 120 ms · total 400 ms · 80 tokens/s')
    expect(out.content).not.toContain(KEY)
  })

  it('JSON: parseable, allow-listed fields only; no key', () => {
    const out = exportConversation(withKey, 'json')
    expect(out.filename).toBe('sorting-in-rust.json')
    const data = JSON.parse(out.content) as Record<string, unknown>
    expect(Object.keys(data)).toEqual(['title', 'createdAt', 'updatedAt', 'settings', 'turns'])
    expect(out.content).not.toContain(KEY)
    expect(out.content).not.toContain('apiKey')
  })
})

describe('a base URL with credentials in a turn', () => {
  const secretUrl = 'https://me:turnpass88@api.example.com/v1?key=AIzaTurnSecret1234'
  const leaky = conversation({
    turns: conversation().turns.map((t) =>
      t.role === 'assistant' && t.used ? { ...t, used: { ...t.used, baseUrl: secretUrl } } : t,
    ),
  })

  it('is redacted in both export formats', () => {
    for (const format of ['markdown', 'json'] as const) {
      const out = exportConversation(leaky, format)
      expect(out.content).not.toMatch(/turnpass88|AIzaTurnSecret/)
    }
    expect(exportConversation(leaky, 'json').content).toContain(
      'https://me:…@api.example.com/v1?key=…',
    )
  })

  it('is redacted when the conversation is saved', async () => {
    const store = new ConversationStore(makeWorkspace())
    await store.save(leaky)
    expect(readFileSync(join(store.dir, 'c-1.json'), 'utf8')).not.toMatch(
      /turnpass88|AIzaTurnSecret/,
    )
  })
})

describe('answer versions on disk and in exports', () => {
  const second = {
    content: 'Or `sort_unstable`, usually faster.',
    createdAt: '2026-01-01T10:01:00.000Z',
    status: 'done' as const,
    used: {
      provider: 'mock',
      model: 'mock-model',
      baseUrl: null,
      handler: 'MockHandler',
      fallbackReason: null,
    },
  }
  /** Two versions of the answer, the second one shown. */
  function versioned(): Conversation {
    const base = conversation()
    const first = base.turns[1]!
    if (first.role !== 'assistant') throw new Error('fixture')
    const { id: _id, role: _role, otherVersions: _o, shownVersion: _s, ...firstAnswer } = first
    return {
      ...base,
      turns: [
        base.turns[0]!,
        { id: 'a1', role: 'assistant', ...second, otherVersions: [firstAnswer], shownVersion: 1 },
      ],
    }
  }

  it('a conversation saved before versions existed loads with one version', async () => {
    const workspace = makeWorkspace()
    const store = new ConversationStore(workspace)
    mkdirSync(store.dir, { recursive: true })
    const {
      otherVersions: _o,
      shownVersion: _s,
      ...oldAnswer
    } = conversation().turns[1] as {
      otherVersions: unknown
      shownVersion: unknown
    }
    const old = { ...conversation(), turns: [conversation().turns[0], oldAnswer] }
    writeFileSync(join(store.dir, 'c-1.json'), JSON.stringify(old))
    const loaded = await store.load('c-1')
    expect(loaded.turns[1]).toMatchObject({ otherVersions: [], shownVersion: 0 })
    expect(loaded).toEqual(conversation())
  })

  it('keeps every version on save and load', async () => {
    const store = new ConversationStore(makeWorkspace())
    await store.save(versioned())
    expect(await store.load('c-1')).toEqual(versioned())
  })

  it('Markdown: the shown version in the flow, then the other versions, numbered', () => {
    const text = exportConversation(versioned(), 'markdown').content
    const shownAt = text.indexOf('Or `sort_unstable`')
    expect(shownAt).toBeGreaterThan(text.indexOf('## You'))
    expect(text).toContain('_Version 2 of 2 shown above._')
    expect(text).toContain('#### Version 1 of 2 · groq · llama-3.3-70b-versatile')
    expect(text.indexOf('```rust\nv.sort();\n```')).toBeGreaterThan(shownAt)
  })

  it('JSON: the shown version as the turn, plus all versions and which one is shown', () => {
    const data = JSON.parse(exportConversation(versioned(), 'json').content) as {
      turns: { content: string; shownVersion?: number; versions?: { content: string }[] }[]
    }
    expect(data.turns[1]).toMatchObject({ content: second.content, shownVersion: 2 })
    expect(data.turns[1]!.versions!.map((v) => v.content)).toEqual([
      'Use `sort`:\n\n```rust\nv.sort();\n```',
      second.content,
    ])
    // A single-version answer exports as before.
    const plain = JSON.parse(exportConversation(conversation(), 'json').content) as typeof data
    expect(plain.turns[1]).not.toHaveProperty('versions')
  })
})
