// @vitest-environment jsdom
// The Playground follows the factory's default when another screen (or the disk) changes it.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi, fakeResolution } from '../../../src/renderer/platform/fake-api'
import type { ProviderName } from '../../../src/shared/llm'

let api: FakeAppApi
let resolved: { provider: ProviderName; model: string }

beforeEach(() => {
  resolved = { provider: 'groq', model: 'llama-3.3-70b-versatile' }
  api = createFakeAppApi({
    'factory:resolve': () => Promise.resolve(fakeResolution(resolved)),
    'chat:models': ({ provider }) =>
      Promise.resolve({
        provider,
        models: [{ name: 'a' }, { name: 'b' }],
        defaultModel: provider === resolved.provider ? resolved.model : 'a',
        baseUrl: null,
        fallbackReason: null,
      }),
    'chat:list': () => Promise.resolve([]),
  })
  setAppApi(api)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
})

const changeConfig = () =>
  api.emit('config:changed', { path: '/w/llm.json', exists: true, text: '{}', revision: 'r2' })

describe('the Playground default', () => {
  it('moves to the new default provider and model after config:changed, and lists again', async () => {
    const stop = usePlaygroundStore.getState().start()
    await vi.waitFor(() => expect(usePlaygroundStore.getState().settings.provider).toBe('groq'))
    resolved = { provider: 'ollama', model: 'qwen2.5:7b' }
    changeConfig()
    await vi.waitFor(() =>
      expect(usePlaygroundStore.getState().settings).toMatchObject({
        provider: 'ollama',
        model: 'qwen2.5:7b',
      }),
    )
    expect(usePlaygroundStore.getState().defaultProvider).toBe('ollama')
    await vi.waitFor(() =>
      expect(usePlaygroundStore.getState().models.ollama).toMatchObject({
        state: 'ready',
        value: { defaultModel: 'qwen2.5:7b' },
      }),
    )
    stop()
  })

  it('keeps a model someone picked, but marks the new default', async () => {
    const stop = usePlaygroundStore.getState().start()
    await vi.waitFor(() => expect(usePlaygroundStore.getState().settings.provider).toBe('groq'))
    usePlaygroundStore.getState().updateSettings({ model: 'b' })
    resolved = { provider: 'ollama', model: 'qwen2.5:7b' }
    changeConfig()
    await vi.waitFor(() => expect(usePlaygroundStore.getState().defaultProvider).toBe('ollama'))
    expect(usePlaygroundStore.getState().settings).toMatchObject({ provider: 'groq', model: 'b' })
    stop()
  })
})
