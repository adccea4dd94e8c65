// @vitest-environment jsdom
// The status bar stays true: it follows config changes, re-checks Ollama on an interval, and shows
// the same reachability as Local models for the configured host.
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LocalModelsScreen } from '../../src/renderer/features/local-models/LocalModelsScreen'
import { useLocalModelsStore } from '../../src/renderer/features/local-models/local-models-store'
import { setAppApi } from '../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import { StatusBar } from '../../src/renderer/shell/StatusBar'
import { OLLAMA_RECHECK_MS, useShellStore } from '../../src/renderer/stores/shell-store'
import type { OllamaStatus } from '../../src/shared/contract'

let api: FakeAppApi
let baseUrl: string
let reachable: boolean

function status(): OllamaStatus {
  return reachable
    ? { reachable, baseUrl, version: '0.9.0' }
    : { reachable, baseUrl, message: `Ollama is not reachable at ${baseUrl}` }
}

beforeEach(() => {
  baseUrl = 'http://localhost:11434'
  reachable = true
  api = createFakeAppApi({
    'ollama:status': ({ host }) =>
      Promise.resolve({ ...status(), ...(host ? { baseUrl: host } : {}) }),
    'ollama:hosts': () =>
      Promise.resolve({ configured: baseUrl, configuredOrigin: 'x', saved: [], selected: baseUrl }),
    'ollama:list': () => Promise.resolve([]),
    'ollama:ps': () => Promise.resolve([]),
    'ollama:pulls': () => Promise.resolve([]),
    'ollama:pullSuggestions': () => Promise.resolve([]),
  })
  setAppApi(api)
  useShellStore.setState(useShellStore.getInitialState(), true)
  useLocalModelsStore.setState(useLocalModelsStore.getInitialState(), true)
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const bar = () => screen.getByRole('contentinfo', { name: 'Status bar' })

describe('StatusBar', () => {
  it('checks Ollama again when the config changes (a new base URL)', async () => {
    const stop = useShellStore.getState().start()
    render(<StatusBar />)
    expect(await within(bar()).findByText('reachable (0.9.0)')).toBeTruthy()
    baseUrl = 'http://10.0.0.9:11434'
    reachable = false
    act(() =>
      api.emit('config:changed', { path: '/w/c.json', exists: true, text: '{}', revision: 'r2' }),
    )
    expect(await within(bar()).findByText('not reachable')).toBeTruthy()
    expect(
      within(bar())
        .getByRole('button', { name: /Ollama/ })
        .getAttribute('title'),
    ).toContain('10.0.0.9')
    stop()
  })

  it('re-checks Ollama on an interval, so a host that died shows as down without a reload', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const stop = useShellStore.getState().start()
    render(<StatusBar />)
    expect(await within(bar()).findByText('reachable (0.9.0)')).toBeTruthy()
    reachable = false
    await act(async () => {
      vi.advanceTimersByTime(OLLAMA_RECHECK_MS)
      await Promise.resolve()
    })
    expect(await within(bar()).findByText('not reachable')).toBeTruthy()
    stop()
  })

  it('shows what Local models found for the configured host (one truth)', async () => {
    const stop = useShellStore.getState().start()
    render(
      <>
        <LocalModelsScreen />
        <StatusBar />
      </>,
    )
    expect(await within(bar()).findByText('reachable (0.9.0)')).toBeTruthy()
    reachable = false
    await act(() => useLocalModelsStore.getState().refresh())
    expect(within(bar()).getByText('not reachable')).toBeTruthy()
    expect(screen.getByRole('status', { name: 'Host status' }).textContent).toContain(
      'Not reachable',
    )
    // And the other way round: the status bar's own re-check brings Local models along.
    reachable = true
    await act(() => useShellStore.getState().refreshOllama())
    expect((await screen.findByRole('status', { name: 'Host status' })).textContent).toContain(
      'Reachable',
    )
    stop()
  })
})
