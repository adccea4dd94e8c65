// @vitest-environment jsdom
// Compare's columns: every column lists its provider's models, a list that never comes ends in an
// error with Retry and a free-text field, a late default never lands on a re-picked column, and the
// columns with their answers come back after a reload.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCompareStore } from '../../../src/renderer/features/playground/compare-store'
import { CompareView } from '../../../src/renderer/features/playground/CompareView'
import { MODEL_LIST_WAIT_MS } from '../../../src/renderer/features/playground/model-list-wait'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi, FakeHandlers } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import { useShellStore } from '../../../src/renderer/stores/shell-store'
import type { ChatModelList } from '../../../src/shared/chat'

const WORKSPACE = '/home/you/mindx'
let api: FakeAppApi

const listOf = (provider: string, defaultModel: string): ChatModelList => ({
  provider,
  models: [{ name: defaultModel }, { name: `${provider}-other` }],
  defaultModel,
  baseUrl: null,
  fallbackReason: null,
})

/** A chat:models answer the test hands out when it wants to (or never). */
function heldModels() {
  const waiting = new Map<string, (list: ChatModelList) => void>()
  const handler: FakeHandlers['chat:models'] = ({ provider }) =>
    new Promise((resolve) => waiting.set(provider, resolve))
  return {
    handler,
    answer: (provider: string, list: ChatModelList) => waiting.get(provider)?.(list),
  }
}

function useApi(overrides: Partial<FakeHandlers> = {}) {
  api = createFakeAppApi({
    'chat:models': ({ provider }) => Promise.resolve(listOf(provider, `${provider}-default`)),
    ...overrides,
  })
  setAppApi(api)
}

function resetStores() {
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  useCompareStore.setState(useCompareStore.getInitialState(), true)
  useShellStore.setState({
    info: { state: 'ready', value: { workspace: WORKSPACE, version: '0', transport: 'fake' } },
  })
}

const column = (n: number) => screen.getByRole('region', { name: `Column ${n}` })
const modelsAsked = () =>
  api.calls.filter((c) => c.channel === 'chat:models').map((c) => c.input as { provider: string })

beforeEach(() => {
  localStorage.clear()
  useApi()
  resetStores()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Compare columns and their model lists', () => {
  it('asks for the models of a column whose provider nobody listed yet', async () => {
    useCompareStore.getState().seed({ provider: 'groq', model: 'llama-x' })
    render(<CompareView />)
    await vi.waitFor(() =>
      expect(
        within(column(2)).getByRole<HTMLInputElement>('combobox', { name: 'Model (column 2)' })
          .value,
      ).toBe('mock-model'),
    )
    expect(modelsAsked().map((c) => c.provider)).toEqual(['groq', 'mock'])
    expect(screen.queryByText('Loading models…')).toBeNull()
  })

  it('a list that never comes ends, after the bound, in an error with Retry and a free-text field', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const held = heldModels()
    useApi({ 'chat:models': held.handler })
    useCompareStore.getState().seed({ provider: 'gemini', model: 'gemini-2.0-flash' })
    render(<CompareView />)
    expect(within(column(1)).getByText('Loading models…')).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(MODEL_LIST_WAIT_MS))
    expect(within(column(1)).getByText(/gemini did not list its models within 10 s/)).toBeTruthy()
    const field = within(column(1)).getByRole<HTMLInputElement>('combobox', {
      name: 'Model (column 1)',
    })
    fireEvent.change(field, { target: { value: 'gemini-typed' } })
    expect(useCompareStore.getState().columns[0]!.model).toBe('gemini-typed')

    fireEvent.click(
      within(column(1)).getByRole('button', { name: 'Retry listing models (column 1)' }),
    )
    expect(within(column(1)).getByText('Loading models…')).toBeTruthy()
    await act(() => Promise.resolve(held.answer('gemini', listOf('gemini', 'gemini-2.0-flash'))))
    expect(within(column(1)).queryByText(/did not list its models/)).toBeNull()
    expect(within(column(1)).getByRole('combobox', { name: 'Model (column 1)' })).toBeTruthy()
  })

  it("a late answer for a provider the column has left does not set the column's model", async () => {
    const held = heldModels()
    useApi({ 'chat:models': held.handler })
    useCompareStore.getState().seed({ provider: 'mock', model: 'mock-model' })
    render(<CompareView />)
    await act(() => Promise.resolve(held.answer('mock', listOf('mock', 'mock-model'))))
    const provider = within(column(1)).getByRole('combobox', { name: 'Provider (column 1)' })
    fireEvent.change(provider, { target: { value: 'groq' } })
    fireEvent.change(provider, { target: { value: 'mock' } })
    fireEvent.change(within(column(1)).getByRole('combobox', { name: 'Model (column 1)' }), {
      target: { value: 'mock-json' },
    })
    await act(() => Promise.resolve(held.answer('groq', listOf('groq', 'llama-3.3-70b'))))
    expect(useCompareStore.getState().columns[0]).toMatchObject({
      provider: 'mock',
      model: 'mock-json',
    })
  })
})

describe('Compare after a reload', () => {
  it('brings back the columns, the prompt, its settings and the answers (a cut stream as stopped)', async () => {
    useApi({
      'chat:models': ({ provider }) => Promise.resolve(listOf(provider, `${provider}-default`)),
      'chat:send': (input) => {
        const used = {
          provider: input.settings.provider,
          model: input.settings.model,
          baseUrl: null,
          handler: 'MockHandler',
          fallbackReason: null,
        }
        // The first column answers; the second is still streaming when the page goes.
        setTimeout(() => {
          const metrics = { firstTokenMs: 5, totalMs: 9 }
          if (input.settings.model === 'mock-model')
            api.emit('chat:done', { streamId: input.streamId, text: 'Answer one', metrics, used })
        })
        return Promise.resolve({ streamId: input.streamId, used })
      },
    })
    useCompareStore.getState().seed({ provider: 'mock', model: 'mock-model' })
    usePlaygroundStore.setState((s) => ({ settings: { ...s.settings, temperature: 0.3 } }))
    render(<CompareView />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), {
      target: { value: 'compare me' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    await screen.findByText('Answer one')

    // A reload: the stores start over, the page renders again for the same workspace.
    cleanup()
    resetStores()
    render(<CompareView />)
    expect(await screen.findByText('Answer one')).toBeTruthy()
    expect(screen.getByText(/compare me/).closest('p')?.textContent).toContain('temperature 0.3')
    expect(useCompareStore.getState().columns.map((c) => [c.model, c.status])).toEqual([
      ['mock-model', 'done'],
      ['mock-json', 'stopped'],
    ])
    expect(JSON.stringify(localStorage)).not.toMatch(/api[_-]?key/i)
  })

  it('another workspace does not get these columns', async () => {
    useCompareStore.getState().seed({ provider: 'groq', model: 'llama-x' })
    render(<CompareView />)
    await within(column(2)).findByRole('combobox', { name: 'Model (column 2)' })
    act(() => useCompareStore.getState().open('/elsewhere'))
    expect(useCompareStore.getState().columns).toEqual([])
  })
})
