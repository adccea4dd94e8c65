// The saved-conversation list: plain titles, rename, order by last use, search by text.
import { describe, expect, it } from 'vitest'
import { ConversationStore } from '../../../src/main/services/chat'
import type { Conversation } from '../../../src/shared/chat'
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
