// @vitest-environment jsdom
// A reload comes back where it was: the same screen, and the Playground's open conversation.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation } from '../../src/shared/chat'
import { usePlaygroundStore } from '../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../src/renderer/platform/current-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import { useNavigationStore } from '../../src/renderer/stores/navigation-store'

beforeEach(() => sessionStorage.clear())

function conversation(id: string): Conversation {
  return {
    id,
    title: id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    settings: { provider: 'mock', model: 'mock-model', system: '', jsonMode: false },
    turns: [{ id: 'u-1', role: 'user', content: `hi from ${id}`, createdAt: 'x' }],
  }
}

describe('after a reload', () => {
  it('the shell opens the screen that was open', async () => {
    useNavigationStore.getState().go('local-models')
    vi.resetModules()
    const fresh = await import('../../src/renderer/stores/navigation-store')
    expect(fresh.useNavigationStore.getState().screen).toBe('local-models')
  })

  it('the Playground reopens the conversation that was open, not just the latest', async () => {
    const summary = (id: string) => ({ id, title: id, updatedAt: 'x', turnCount: 1 })
    setAppApi(
      createFakeAppApi({
        'chat:list': () => Promise.resolve([summary('c-latest'), summary('c-mine')]),
        'chat:load': ({ id }) => Promise.resolve(conversation(id)),
        'chat:models': ({ provider }) =>
          Promise.resolve({
            provider,
            models: [],
            defaultModel: 'm',
            baseUrl: null,
            fallbackReason: null,
          }),
      }),
    )
    sessionStorage.setItem('mindx-studio.conversation', 'c-mine')
    usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
    const stop = usePlaygroundStore.getState().start()
    await vi.waitFor(() => expect(usePlaygroundStore.getState().conversation.id).toBe('c-mine'))
    stop()
  })
})
