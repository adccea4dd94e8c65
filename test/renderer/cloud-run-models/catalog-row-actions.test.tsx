// @vitest-environment jsdom
// Cloud Run models rows: Make default on a model the host lacks says so and offers Pull (then Make
// default once it is in); a failed or cancelled pull offers Retry and says why; Chat opens the
// Playground on that model (on its Cloud Run service when one is deployed).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useCatalogStore } from '../../../src/renderer/features/cloud-run-models/catalog-store'
import { CloudRunModelsScreen } from '../../../src/renderer/features/cloud-run-models/CloudRunModelsScreen'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import { fakeCatalogOverview } from '../../../src/renderer/platform/fake-studio'
import { useNavigationStore } from '../../../src/renderer/stores/navigation-store'
import { useProviderRegistryStore } from '../../../src/renderer/stores/provider-registry-store'
import type { OllamaPull } from '../../../src/shared/ollama'
import { BUILT_IN_PROVIDERS, summarizeProvider } from '../../../src/shared/providers'

const HOST = 'http://localhost:11434'
let api: FakeAppApi
let installed: string[]

const pullEvent = (state: OllamaPull['state'], extra: Partial<OllamaPull> = {}): OllamaPull => ({
  id: 'p-1',
  host: HOST,
  name: 'codegemma:7b-it',
  status: state,
  completed: 0,
  total: 0,
  bytesPerSecond: 0,
  state,
  ...extra,
})

beforeEach(() => {
  installed = ['phi3:mini']
  api = createFakeAppApi({
    'catalog:list': () =>
      Promise.resolve({
        ...fakeCatalogOverview(),
        installed: { reachable: true, baseUrl: HOST, names: installed },
      }),
    'catalog:makeDefault': ({ ollamaName }) =>
      Promise.resolve({ ...fakeCatalogOverview(), defaultModelOverride: ollamaName }),
    'ollama:pull': () => Promise.resolve({ id: 'p-1' }),
    'providers:registry': () => Promise.resolve(BUILT_IN_PROVIDERS.map(summarizeProvider)),
    'chat:models': ({ provider }) =>
      Promise.resolve({
        provider,
        models: [],
        defaultModel: 'x',
        baseUrl: null,
        fallbackReason: null,
      }),
  })
  setAppApi(api)
  useCatalogStore.setState(useCatalogStore.getInitialState(), true)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  useProviderRegistryStore.setState(useProviderRegistryStore.getInitialState(), true)
  useNavigationStore.setState({ screen: 'cloud-run-models' })
})
afterEach(cleanup)

const row = (name: string) =>
  screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr')!
const writes = () => api.calls.filter((c) => c.channel === 'catalog:makeDefault')

describe('Make default on a model that is not installed', () => {
  it('says so under the row, offers Pull, and makes it the default once it is in', async () => {
    render(<CloudRunModelsScreen />)
    await screen.findByRole('button', { name: 'Make default codegemma:7b-it' })
    fireEvent.click(screen.getByRole('button', { name: 'Make default codegemma:7b-it' }))
    const notice = await screen.findByText(
      /codegemma:7b-it isn’t installed on http:\/\/localhost:11434/,
    )
    expect(writes()).toEqual([])
    const box = notice.closest('.catalog-row-notice') as HTMLElement
    fireEvent.click(within(box).getByRole('button', { name: 'Pull now' }))
    await act(() => Promise.resolve())
    expect(api.calls.filter((c) => c.channel === 'ollama:pull').map((c) => c.input)).toEqual([
      { name: 'codegemma:7b-it' },
    ])
    act(() => api.emit('ollama:pullProgress', pullEvent('pulling', { completed: 5, total: 10 })))
    expect(screen.getByText(/pulling it now/)).toBeTruthy()

    installed = ['phi3:mini', 'codegemma:7b-it']
    act(() => api.emit('ollama:pullProgress', pullEvent('done')))
    const done = await screen.findByRole('button', { name: 'Make codegemma:7b-it the default' })
    fireEvent.click(done)
    await screen.findByText('Ollama default')
    expect(writes().map((c) => c.input)).toEqual([{ ollamaName: 'codegemma:7b-it' }])
    expect(screen.queryByText(/isn’t installed/)).toBeNull()
  })

  it('an installed model becomes the default at once; "Make default anyway" writes a missing one', async () => {
    render(<CloudRunModelsScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Make default phi3:mini' }))
    await act(() => Promise.resolve())
    expect(writes().map((c) => c.input)).toEqual([{ ollamaName: 'phi3:mini' }])
    fireEvent.click(screen.getByRole('button', { name: 'Make default codegemma:7b-it' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Make default anyway' }))
    await act(() => Promise.resolve())
    expect(writes().map((c) => c.input)).toEqual([
      { ollamaName: 'phi3:mini' },
      { ollamaName: 'codegemma:7b-it' },
    ])
  })
})

describe('pulls from a catalog row', () => {
  it('a failed pull says why below the row and offers Retry; a cancelled one offers Retry too', async () => {
    render(<CloudRunModelsScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Pull codegemma:7b-it' }))
    await act(() => Promise.resolve())
    const message =
      'Model codegemma:7b-it was not found in the Ollama library — check the name (see https://ollama.com/library).'
    act(() =>
      api.emit(
        'ollama:pullProgress',
        pullEvent('error', { error: { code: 'model_not_found', message } }),
      ),
    )
    expect(screen.getByRole('alert').textContent).toContain('was not found in the Ollama library')
    fireEvent.click(screen.getByRole('button', { name: 'Retry the pull of codegemma:7b-it' }))
    await act(() => Promise.resolve())
    act(() => api.emit('ollama:pullProgress', pullEvent('cancelled')))
    expect(within(row('codegemma:7b-it')).getByText('cancelled')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Retry the pull of codegemma:7b-it' })).toBeTruthy()
    expect(api.calls.filter((c) => c.channel === 'ollama:pull')).toHaveLength(2)
  })
})

describe('Chat with this model', () => {
  it('opens the Playground on Ollama with the row model', async () => {
    render(<CloudRunModelsScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Chat with phi3:mini' }))
    expect(useNavigationStore.getState().screen).toBe('playground')
    expect(usePlaygroundStore.getState().settings).toMatchObject({
      provider: 'ollama',
      model: 'phi3:mini',
    })
    expect(usePlaygroundStore.getState().mode).toBe('chat')
  })

  it("goes to the model's Cloud Run service when one is deployed", async () => {
    const service = {
      name: 'ollama-codegemma',
      displayName: 'ollama-codegemma (Cloud Run)',
      protocol: 'ollama' as const,
      origin: 'custom' as const,
      defaultModel: 'codegemma:7b-it',
      requiresKey: false,
      listsModels: true,
    }
    api = createFakeAppApi({
      'providers:registry': () =>
        Promise.resolve([...BUILT_IN_PROVIDERS.map(summarizeProvider), service]),
      'chat:models': ({ provider }) =>
        Promise.resolve({
          provider,
          models: [],
          defaultModel: 'x',
          baseUrl: null,
          fallbackReason: null,
        }),
    })
    setAppApi(api)
    render(<CloudRunModelsScreen />)
    await act(() => useProviderRegistryStore.getState().load())
    fireEvent.click(await screen.findByRole('button', { name: 'Chat with codegemma:7b-it' }))
    expect(usePlaygroundStore.getState().settings).toMatchObject({
      provider: 'ollama-codegemma',
      model: 'codegemma:7b-it',
    })
  })
})
