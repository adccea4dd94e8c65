// @vitest-environment jsdom
// The Local models screen on the fake AppApi: table, confirmed delete, pull progress events, down panel.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalModelsScreen } from '../../src/renderer/features/local-models/LocalModelsScreen'
import { formatBytes, formatExpiry } from '../../src/renderer/features/local-models/format'
import { useLocalModelsStore } from '../../src/renderer/features/local-models/local-models-store'
import { setAppApi } from '../../src/renderer/platform/current-api'
import type { FakeAppApi, FakeHandlers } from '../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import type { InstalledOllamaModel, OllamaPull } from '../../src/shared/ollama'

const HOST = 'http://localhost:11434'
let api: FakeAppApi
let installed: InstalledOllamaModel[]
let reachable: boolean

function handlers(): Partial<FakeHandlers> {
  return {
    'ollama:hosts': () =>
      Promise.resolve({ configured: HOST, configuredOrigin: 'default', saved: [], selected: HOST }),
    'ollama:status': () =>
      Promise.resolve(
        reachable
          ? { reachable, baseUrl: HOST, version: '0.9.0' }
          : {
              reachable,
              baseUrl: HOST,
              message: `Ollama is not reachable at ${HOST} — is \`ollama serve\` running?`,
            },
      ),
    'ollama:list': () => Promise.resolve([...installed]),
    'ollama:ps': () => Promise.resolve([]),
    'ollama:pulls': () => Promise.resolve([]),
    'ollama:pullSuggestions': () =>
      Promise.resolve([{ name: 'qwen2.5:0.5b', type: 'general', estMemoryGb: 1 }]),
    'ollama:pull': () => Promise.resolve({ id: 'pull-1' }),
    'ollama:cancelPull': () => Promise.resolve({ cancelled: true }),
    'ollama:delete': ({ name }) => {
      installed = installed.filter((m) => m.name !== name)
      return Promise.resolve({ deleted: name })
    },
  }
}

beforeEach(() => {
  installed = [
    { name: 'phi3:mini', size: 2_200_000_000, parameterSize: '3.8B', family: 'phi3' },
    { name: 'llama3.2:1b', size: 1_300_000_000, parameterSize: '1B', family: 'llama' },
    { name: 'mistral:7b', size: 4_100_000_000, parameterSize: '7B', family: 'llama' },
  ]
  reachable = true
  api = createFakeAppApi(handlers())
  setAppApi(api)
  useLocalModelsStore.setState(useLocalModelsStore.getInitialState(), true)
})
afterEach(cleanup)

const calls = (channel: string) => api.calls.filter((c) => c.channel === channel)
const rowNames = () =>
  within(screen.getByRole('table', { name: 'Installed models' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent)

async function renderScreen() {
  render(<LocalModelsScreen />)
  await screen.findByRole('table', { name: 'Installed models' })
}

function progress(change: Partial<OllamaPull>): OllamaPull {
  return {
    id: 'pull-1',
    host: HOST,
    name: 'qwen2.5:0.5b',
    status: 'pulling abc',
    completed: 0,
    total: 0,
    bytesPerSecond: 0,
    state: 'pulling',
    ...change,
  }
}

describe('LocalModelsScreen', () => {
  it('lists installed models with the disk total, sorts by column and filters', async () => {
    await renderScreen()
    expect(screen.getByLabelText('Total disk used').textContent).toContain('7.6 GB')
    expect(rowNames()).toEqual(['llama3.2:1b', 'mistral:7b', 'phi3:mini'])
    fireEvent.click(screen.getByRole('button', { name: 'Parameters' }))
    expect(rowNames()).toEqual(['llama3.2:1b', 'phi3:mini', 'mistral:7b'])
    fireEvent.click(screen.getByRole('button', { name: 'Parameters' }))
    expect(rowNames()).toEqual(['mistral:7b', 'phi3:mini', 'llama3.2:1b'])
    fireEvent.change(screen.getByPlaceholderText('Filter models'), { target: { value: 'phi' } })
    expect(rowNames()).toEqual(['phi3:mini'])
  })

  it('deletes only after confirmation, then refreshes the list', async () => {
    await renderScreen()
    const row = screen.getByRole('row', { name: /mistral:7b/ })
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete mistral:7b?' })
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(calls('ollama:delete')).toHaveLength(0)

    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }))
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    await screen.findByText('Deleted mistral:7b.')
    expect(rowNames()).toEqual(['llama3.2:1b', 'phi3:mini'])
  })

  it('follows pull progress events: bytes and speed, Cancel, and a refresh when done', async () => {
    await renderScreen()
    fireEvent.change(screen.getByLabelText('Model name'), { target: { value: 'qwen2.5:0.5b' } })
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }))
    await act(async () => {
      await Promise.resolve()
      api.emit('ollama:pullProgress', progress({ state: 'queued', status: 'queued' }))
      api.emit(
        'ollama:pullProgress',
        progress({ completed: 100_000_000, total: 400_000_000, bytesPerSecond: 25_000_000 }),
      )
    })
    const item = screen.getByRole('listitem', { name: 'qwen2.5:0.5b' })
    expect(item.textContent).toContain('100 MB of 400 MB')
    expect(item.textContent).toContain('25 MB/s')
    expect(within(item).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25')
    fireEvent.click(within(item).getByRole('button', { name: 'Cancel' }))
    expect(calls('ollama:cancelPull')[0]?.input).toEqual({ host: HOST, id: 'pull-1' })

    const listsBefore = calls('ollama:list').length
    installed.push({ name: 'qwen2.5:0.5b', size: 400_000_000 })
    await act(async () => {
      api.emit('ollama:pullProgress', progress({ state: 'done', status: 'success' }))
      await Promise.resolve()
    })
    await screen.findByText('Pulled qwen2.5:0.5b.')
    expect(calls('ollama:list').length).toBeGreaterThan(listsBefore)
    await screen.findByRole('row', { name: /qwen2\.5:0\.5b/ })
  })

  it('ignores progress from another host', async () => {
    await renderScreen()
    act(() => api.emit('ollama:pullProgress', progress({ host: 'http://elsewhere:11434' })))
    expect(screen.queryByRole('list', { name: 'Pulls' })).toBeNull()
  })

  it('shows the guidance panel when Ollama is not reachable, and Retry checks again', async () => {
    reachable = false
    render(<LocalModelsScreen />)
    const panel = await screen.findByRole('region', { name: 'Ollama is not reachable' })
    expect(panel.textContent).toContain('ollama serve')
    expect(panel.textContent).toContain('OLLAMA_HOST')
    expect(calls('ollama:list')).toHaveLength(0)
    reachable = true
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry' }))
    await screen.findByRole('table', { name: 'Installed models' })
  })
})

describe('host picker', () => {
  it('saves a new host and switches to it; a refused URL shows why in the form', async () => {
    let saved: { url: string }[] = []
    api = createFakeAppApi({
      ...handlers(),
      'ollama:saveHosts': ({ hosts, selected }) => {
        saved = hosts
        return Promise.resolve({
          configured: HOST,
          configuredOrigin: 'default',
          saved: hosts,
          selected: selected ?? HOST,
        })
      },
    })
    setAppApi(api)
    await renderScreen()
    fireEvent.click(screen.getByRole('button', { name: 'Add host…' }))
    const field = screen.getByLabelText('Host URL')
    expect(document.activeElement).toBe(field)
    fireEvent.change(field, { target: { value: 'ftp://gpu-box:11434' } })
    fireEvent.submit(field.closest('form')!)
    expect((await screen.findByRole('alert')).textContent).toContain('http:// or https://')
    expect(saved).toEqual([])

    fireEvent.change(field, { target: { value: 'http://gpu-box:11434/' } })
    fireEvent.submit(field.closest('form')!)
    await screen.findByText('Saved host http://gpu-box:11434.')
    expect(saved).toEqual([{ url: 'http://gpu-box:11434' }])
    expect(screen.getByLabelText<HTMLSelectElement>('Ollama host').value).toBe(
      'http://gpu-box:11434',
    )
    expect(calls('ollama:list').at(-1)?.input).toEqual({ host: 'http://gpu-box:11434' })
  })
})

describe('format', () => {
  it('prints decimal sizes with a decimal only below 10', () => {
    expect(formatBytes(undefined)).toBe('—')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(65_000_000)).toBe('65 MB')
    expect(formatBytes(4_550_000_001)).toBe('4.6 GB')
  })

  it('prints expiries relative when near, as a date when far', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(formatExpiry('2025-01-01T00:04:00Z', now)).toBe('in 4 min')
    expect(formatExpiry('2025-01-01T03:00:00Z', now)).toBe('in 3 h')
    expect(formatExpiry('2099-01-01T00:00:00Z', now)).toMatch(/^until /)
    expect(formatExpiry('2024-12-31T00:00:00Z', now)).toBe('expiring now')
  })
})

describe('Local models: failed and cancelled pulls', () => {
  it('a failed or cancelled pull offers Retry; cancellation notices replace each other', async () => {
    await renderScreen()
    const startPull = async (id: string, name: string) => {
      fireEvent.change(screen.getByLabelText('Model name'), { target: { value: name } })
      fireEvent.click(screen.getByRole('button', { name: 'Pull' }))
      await act(async () => {
        await Promise.resolve()
        api.emit('ollama:pullProgress', progress({ id, name, state: 'pulling' }))
      })
    }
    await startPull('pull-1', 'qwen2.5:0.5b')
    await startPull('pull-2', 'gemma3:1b')
    act(() => {
      api.emit('ollama:pullProgress', progress({ id: 'pull-1', state: 'cancelled' }))
      api.emit(
        'ollama:pullProgress',
        progress({ id: 'pull-2', name: 'gemma3:1b', state: 'cancelled' }),
      )
    })
    const cancelled = screen.getAllByText(/^Cancelled the pull of/)
    expect(cancelled.map((n) => n.textContent)).toEqual(['Cancelled the pull of gemma3:1b.'])

    const pullsBefore = calls('ollama:pull').length
    fireEvent.click(screen.getByRole('button', { name: 'Retry the pull of qwen2.5:0.5b' }))
    await act(() => Promise.resolve())
    expect(calls('ollama:pull').length).toBe(pullsBefore + 1)
    expect(calls('ollama:pull').at(-1)?.input).toEqual({ host: HOST, name: 'qwen2.5:0.5b' })
  })
})

describe('Local models: Chat with this model', () => {
  it('opens the Playground on a new conversation with that Ollama model', async () => {
    const { usePlaygroundStore } =
      await import('../../src/renderer/features/playground/playground-store')
    const { useNavigationStore } = await import('../../src/renderer/stores/navigation-store')
    await renderScreen()
    const row = screen.getByRole('row', { name: /mistral:7b/ })
    fireEvent.click(within(row).getByRole('button', { name: 'Chat with mistral:7b' }))
    expect(useNavigationStore.getState().screen).toBe('playground')
    expect(usePlaygroundStore.getState().settings).toMatchObject({
      provider: 'ollama',
      model: 'mistral:7b',
    })
    expect(usePlaygroundStore.getState().conversation.turns).toEqual([])
  })
})
