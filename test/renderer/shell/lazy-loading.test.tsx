// @vitest-environment jsdom
// Code a first screen does not need arrives later: screens, the JSON editor, the code highlighter.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBoundary } from '../../../src/renderer/components/ErrorBoundary'
import { needsHighlighting } from '../../../src/renderer/features/playground/code-highlighting'
import { ConfigScreen } from '../../../src/renderer/features/config/ConfigScreen'
import { useConfigStore } from '../../../src/renderer/features/config/config-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import { lazyScreen } from '../../../src/renderer/shell/lazy-screen'
import { ScreenLoading } from '../../../src/renderer/shell/ScreenLoading'

afterEach(cleanup)

/** A chunk whose arrival the test decides. */
function controlledChunk() {
  let fetches = 0
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null
  const Loaded = () => <h1>Loaded screen</h1>
  const load = () => {
    fetches++
    return new Promise<typeof Loaded>((resolve, reject) => {
      settle = { resolve: () => resolve(Loaded), reject }
    })
  }
  return { load, fetches: () => fetches, settle: () => settle! }
}

function Shell({ Screen }: { Screen: () => React.ReactNode }) {
  return (
    <ErrorBoundary what="The Test screen">
      <Suspense fallback={<ScreenLoading label="Test" />}>
        <Screen />
      </Suspense>
    </ErrorBoundary>
  )
}

describe('lazy screens', () => {
  it('say they are loading until their chunk arrives, then render at once on later visits', async () => {
    const chunk = controlledChunk()
    const Screen = lazyScreen(chunk.load)
    const first = render(<Shell Screen={Screen} />)
    expect(screen.getByRole('status').textContent).toBe('Loading Test…')
    chunk.settle().resolve()
    expect(await screen.findByRole('heading', { name: 'Loaded screen' })).toBeTruthy()
    first.unmount()
    render(<Shell Screen={Screen} />)
    expect(screen.getByRole('heading', { name: 'Loaded screen' })).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
    expect(chunk.fetches()).toBe(1)
  })

  it('render without a loading state once preloaded', async () => {
    const chunk = controlledChunk()
    const Screen = lazyScreen(chunk.load)
    const preloaded = Screen.preload()
    chunk.settle().resolve()
    await preloaded
    render(<Shell Screen={Screen} />)
    expect(screen.getByRole('heading', { name: 'Loaded screen' })).toBeTruthy()
  })

  it('say so, with the next step, when their chunk cannot be fetched', async () => {
    const chunk = controlledChunk()
    const Screen = lazyScreen(chunk.load)
    render(<Shell Screen={Screen} />)
    chunk.settle().reject(new TypeError('Failed to fetch dynamically imported module'))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The Test screen could not be shown (Error: its code could not be loaded (Failed to fetch dynamically imported module); reload the page — the app may have been rebuilt since it was opened)',
    )
  })
})

describe('the JSON editor (CodeMirror)', () => {
  // jsdom does no layout; CodeMirror measures text ranges.
  beforeAll(() => {
    Object.assign(Range.prototype, {
      getClientRects: () => [],
      getBoundingClientRect: () => new DOMRect(),
    })
  })

  it('is fetched when the JSON view opens, with a loading state meanwhile', async () => {
    useConfigStore.setState(useConfigStore.getInitialState(), true)
    setAppApi(createFakeAppApi())
    render(<ConfigScreen />)
    fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }))
    expect(screen.getByText('Loading the JSON editor…').getAttribute('role')).toBe('status')
    // The first import of CodeMirror in this test process transforms it, which may take seconds.
    const editor = screen.findByRole(
      'textbox',
      { name: 'llm_factory_config.json' },
      { timeout: 15_000 },
    )
    expect(await editor).toBeTruthy()
    expect(screen.queryByText('Loading the JSON editor…')).toBeNull()
  })
})

describe('code highlighting', () => {
  it('is fetched only for fenced code that names a language', () => {
    expect(needsHighlighting('Text\n\n```ts\nconst a = 1\n```')).toBe(true)
    expect(needsHighlighting('  ~~~python\nprint(1)\n~~~')).toBe(true)
    expect(needsHighlighting('```\nplain\n```')).toBe(false)
    expect(needsHighlighting('Inline `code` and ```not a fence``` here')).toBe(false)
  })
})
