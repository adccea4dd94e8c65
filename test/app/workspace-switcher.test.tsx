// @vitest-environment jsdom
// The workspace switcher: opened from the status bar (or Ctrl+O), recent workspaces and open by path,
// the server's refusal shown as said; a switch reloads the status bar and the provider pickers.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo } from '../../src/shared/contract'
import { AppError } from '../../src/renderer/platform/app-api'
import { setAppApi } from '../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../src/renderer/platform/fake-api'
import { createFakeAppApi, fakeResolution } from '../../src/renderer/platform/fake-api'
import { StatusBar } from '../../src/renderer/shell/StatusBar'
import { useWorkspaceShortcut, WorkspaceSwitcher } from '../../src/renderer/shell/WorkspaceSwitcher'
import { useNavigationStore } from '../../src/renderer/stores/navigation-store'
import { useProviderRegistryStore } from '../../src/renderer/stores/provider-registry-store'
import { useShellStore } from '../../src/renderer/stores/shell-store'
import { useWorkspaceSwitcherStore } from '../../src/renderer/stores/workspace-switcher-store'

const ROOT = '/srv/work'
let api: FakeAppApi
let current: string

const info = (workspace: string): AppInfo => ({ workspace, version: '1.0.0', transport: 'web' })

beforeEach(() => {
  current = `${ROOT}/alpha`
  api = createFakeAppApi({
    'app:info': () => Promise.resolve(info(current)),
    'factory:resolve': () =>
      Promise.resolve(fakeResolution({ provider: current.endsWith('beta') ? 'groq' : 'ollama' })),
    'providers:registry': () =>
      Promise.resolve([{ name: current.endsWith('beta') ? 'beta-endpoint' : 'ollama' }] as never),
    'workspace:list': () =>
      Promise.resolve({
        current,
        recent: [{ path: `${ROOT}/beta`, name: 'beta' }],
        allowedRoots: [ROOT],
      }),
    'workspace:open': ({ path }) => {
      if (!path.startsWith(ROOT)) {
        return Promise.reject(
          new AppError({
            code: 'workspace_not_allowed',
            message: `${path} is outside the folders this server may open (${ROOT}).`,
          }),
        )
      }
      current = path
      // The server tells every tab (this one included) over the event stream.
      queueMicrotask(() => api.emit('workspace:changed', info(path)))
      return Promise.resolve(info(path))
    },
  })
  setAppApi(api)
  useShellStore.setState(useShellStore.getInitialState(), true)
  useWorkspaceSwitcherStore.setState(useWorkspaceSwitcherStore.getInitialState(), true)
  useNavigationStore.setState({ leaveGuard: null })
})
afterEach(cleanup)

function Harness() {
  useWorkspaceShortcut()
  return (
    <>
      <StatusBar />
      <WorkspaceSwitcher />
    </>
  )
}

async function renderBar() {
  const stop = useShellStore.getState().start()
  render(<Harness />)
  await screen.findByText('ollama · phi3:mini')
  return stop
}

const switcher = () => screen.getByRole('dialog', { name: 'Switch workspace' })

describe('workspace switcher', () => {
  it('opens from the status bar with the recent workspaces and the allowed folders', async () => {
    const stop = await renderBar()
    fireEvent.click(screen.getByRole('button', { name: /^Workspace alpha/ }))
    const dialog = switcher()
    expect(await within(dialog).findByText(`${ROOT}/alpha`)).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: `Open beta (${ROOT}/beta)` })).toBeTruthy()
    expect(dialog.textContent).toContain(`opens workspaces under ${ROOT} only`)
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Open by path'))
    stop()
  })

  it('switches to a recent workspace: the dialog closes, the status bar and pickers follow', async () => {
    const stop = await renderBar()
    fireEvent.click(screen.getByRole('button', { name: /^Workspace alpha/ }))
    fireEvent.click(await screen.findByRole('button', { name: `Open beta (${ROOT}/beta)` }))
    expect(await screen.findByText('groq · llama-3.1-8b-instant')).toBeTruthy()
    expect(screen.getByTestId('status-workspace').textContent).toBe('beta')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.calls.filter((c) => c.channel === 'workspace:open').map((c) => c.input)).toEqual([
      { path: `${ROOT}/beta` },
    ])
    await act(() => Promise.resolve())
    expect(useProviderRegistryStore.getState().providers.map((p) => p.name)).toEqual([
      'beta-endpoint',
    ])
    stop()
  })

  it("shows the server's refusal for a typed path and stays open on it", async () => {
    const stop = await renderBar()
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    const input = within(switcher()).getByLabelText('Open by path')
    fireEvent.change(input, { target: { value: '/etc' } })
    fireEvent.click(within(switcher()).getByRole('button', { name: 'Open' }))
    const alert = await within(switcher()).findByRole('alert')
    expect(alert.textContent).toBe(`/etc is outside the folders this server may open (${ROOT}).`)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('status-workspace').textContent).toBe('alpha')
    fireEvent.keyDown(switcher(), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    stop()
  })

  it('warns that unsaved edits on the screen would be dropped', async () => {
    useNavigationStore.setState({ leaveGuard: () => false })
    const stop = await renderBar()
    fireEvent.click(screen.getByRole('button', { name: /^Workspace alpha/ }))
    expect(switcher().textContent).toContain('This screen has unsaved edits')
    stop()
  })
})
