// @vitest-environment jsdom
// A workspace switched while the Playground is closed: the next visit shows the new workspace's
// default and conversations, not the old ones.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi, fakeResolution } from '../../../src/renderer/platform/fake-api'
import type { ConversationSummary } from '../../../src/shared/chat'

let api: FakeAppApi
let workspace: 'alpha' | 'beta'

const summary = (id: string): ConversationSummary => ({
  id,
  title: id,
  updatedAt: '2026-01-01T00:00:00.000Z',
  turnCount: 0,
})

beforeEach(() => {
  workspace = 'alpha'
  api = createFakeAppApi({
    'factory:resolve': () =>
      Promise.resolve(fakeResolution({ provider: workspace === 'alpha' ? 'groq' : 'gemini' })),
    'chat:models': ({ provider }) =>
      Promise.resolve({
        provider,
        models: [],
        defaultModel: `${provider}-model`,
        baseUrl: null,
        fallbackReason: null,
      }),
    'chat:list': () => Promise.resolve(workspace === 'alpha' ? [] : [summary('beta-chat')]),
    'chat:load': ({ id }) => Promise.reject(new Error(`${id} is not needed for this test`)),
  })
  setAppApi(api)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
})

describe('the Playground after a workspace switch', () => {
  it('resets to the new workspace even when the switch happened while it was closed', async () => {
    const stop = usePlaygroundStore.getState().start()
    await vi.waitFor(() => expect(usePlaygroundStore.getState().defaultProvider).toBe('groq'))
    stop()
    workspace = 'beta'
    api.emit('workspace:changed', { workspace: '/w/beta', version: '1', transport: 'fake' })
    const again = usePlaygroundStore.getState().start()
    await vi.waitFor(() =>
      expect(usePlaygroundStore.getState()).toMatchObject({
        defaultProvider: 'gemini',
        settings: { provider: 'gemini' },
        saved: { state: 'ready', value: [{ id: 'beta-chat' }] },
      }),
    )
    again()
  })
})
