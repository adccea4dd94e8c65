// @vitest-environment jsdom
// The shell on the fake AppApi: nav names, screens, Ctrl+digit shortcuts, the status bar, events.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { FakeAppApi } from '../../src/renderer/platform/fake-api'
import { createFakeAppApi, fakeResolution } from '../../src/renderer/platform/fake-api'
import { setAppApi } from '../../src/renderer/platform/current-api'
import { AppShell } from '../../src/renderer/shell/AppShell'
import { preloadScreens } from '../../src/renderer/shell/screens'
import { useNavigationStore } from '../../src/renderer/stores/navigation-store'
import { AppError } from '../../src/renderer/platform/app-api'

const NAV = ['Providers', 'Config', 'Cloud Run models', 'Playground', 'Local models', 'Bench']
let api: FakeAppApi

// Screens are lazy chunks (their loading state has its own spec in test/renderer/shell).
beforeAll(() => preloadScreens())

beforeEach(() => {
  api = createFakeAppApi({
    'factory:resolve': () =>
      Promise.resolve({
        ...fakeResolution({ provider: 'groq' }),
        model: 'llama-3.3-70b-versatile',
      }),
  })
  setAppApi(api)
  useNavigationStore.setState({ screen: 'providers' })
})
afterEach(cleanup)

async function renderShell() {
  render(<AppShell />)
  await screen.findByText('groq · llama-3.3-70b-versatile')
}

describe('AppShell', () => {
  it('has exactly the six nav items, by accessible name', async () => {
    await renderShell()
    const nav = screen.getByRole('navigation', { name: 'Screens' })
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-current') ?? ''),
    ).toHaveLength(6)
    for (const name of NAV) expect(within(nav).getByRole('button', { name })).toBeTruthy()
  })

  it('shows each screen when its nav item is clicked', async () => {
    await renderShell()
    for (const name of NAV) {
      fireEvent.click(screen.getByRole('button', { name }))
      expect(screen.getByRole('heading', { level: 1, name })).toBeTruthy()
      expect(screen.getByRole('button', { name }).getAttribute('aria-current')).toBe('page')
    }
  })

  it('switches screens with Ctrl+1…6 and focuses the heading', async () => {
    await renderShell()
    fireEvent.keyDown(window, { key: '4', ctrlKey: true })
    expect(screen.getByRole('heading', { level: 1, name: 'Playground' })).toBeTruthy()
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(document.activeElement?.textContent).toBe('Playground')
    fireEvent.keyDown(window, { key: '2', ctrlKey: true, shiftKey: true })
    expect(screen.getByRole('heading', { level: 1, name: 'Playground' })).toBeTruthy()
  })

  it('moves between nav items with the arrow keys', async () => {
    await renderShell()
    const providers = screen.getByRole('button', { name: 'Providers' })
    providers.focus()
    fireEvent.keyDown(providers, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Config' }))
    fireEvent.keyDown(document.activeElement!, { key: 'End' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bench' }))
  })

  it('shows workspace, default provider/model and Ollama in the status bar, and the title', async () => {
    await renderShell()
    const bar = screen.getByRole('contentinfo', { name: 'Status bar' })
    expect(bar.textContent).toContain('mindx')
    expect(bar.textContent).toContain('groq · llama-3.3-70b-versatile')
    expect(await within(bar).findByText('reachable (0.6.0)')).toBeTruthy()
    expect(document.title).toBe('mindx — mindX LLM Factory Studio')
  })

  it('follows workspace:changed events', async () => {
    await renderShell()
    act(() =>
      api.emit('workspace:changed', { workspace: '/w/other', version: '1', transport: 'fake' }),
    )
    expect(await screen.findByText('other')).toBeTruthy()
    expect(api.calls.filter((c) => c.channel === 'factory:resolve')).toHaveLength(2)
  })

  it('says so when the API does not answer', async () => {
    setAppApi(
      createFakeAppApi({
        'app:info': () =>
          Promise.reject(new AppError({ code: 'unauthorized', message: 'Missing token.' })),
      }),
    )
    render(<AppShell />)
    expect((await screen.findByRole('alert')).textContent).toContain('Missing token.')
  })
})
