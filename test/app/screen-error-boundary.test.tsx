// @vitest-environment jsdom
// A screen that throws while rendering says so in place; the sidebar and other screens keep working.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { setAppApi } from '../../src/renderer/platform/current-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import { AppShell } from '../../src/renderer/shell/AppShell'
import { preloadScreens } from '../../src/renderer/shell/screens'
import { useNavigationStore } from '../../src/renderer/stores/navigation-store'

vi.mock('../../src/renderer/features/cloud-run-models/CloudRunModelsScreen', () => ({
  CloudRunModelsScreen: () => {
    throw new RangeError('Maximum call stack size exceeded')
  },
}))

// Screens are lazy chunks (their loading state has its own spec in test/renderer/shell).
beforeAll(() => preloadScreens())

beforeEach(() => {
  setAppApi(createFakeAppApi())
  useNavigationStore.setState({ screen: 'providers' })
})
afterEach(cleanup)

describe('the screen error boundary', () => {
  it('names the failed screen and the error, and the other screens still open', async () => {
    render(<AppShell />)
    const nav = screen.getByRole('navigation', { name: 'Screens' })
    fireEvent.click(within(nav).getByRole('button', { name: 'Cloud Run models' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The Cloud Run models screen could not be shown (RangeError: Maximum call stack size exceeded). The rest of the app still works.',
    )
    for (const name of ['Providers', 'Playground', 'Config']) {
      fireEvent.click(within(nav).getByRole('button', { name }))
      expect(screen.getByRole('heading', { level: 1, name })).toBeTruthy()
      expect(screen.queryByRole('alert')).toBeNull()
    }
    fireEvent.click(within(nav).getByRole('button', { name: 'Cloud Run models' }))
    expect(screen.getByRole('alert').textContent).toContain('Cloud Run models screen')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})
