// The app's frame: sidebar, the current screen, status bar; global screen shortcuts.
import { Suspense, useEffect, useState } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { useNavigationStore } from '../stores/navigation-store'
import { useShellStore } from '../stores/shell-store'
import { isMacPlatform, screenShortcutIndex } from './keyboard'
import { preloadScreens, SCREENS } from './screens'
import { ScreenLoading } from './ScreenLoading'
import { Sidebar } from './Sidebar'
import { folderName, StatusBar } from './StatusBar'
import { useWorkspaceShortcut, WorkspaceSwitcher } from './WorkspaceSwitcher'

const APP_TITLE = 'mindX LLM Factory Studio'

/** Returns a counter that a screen shortcut bumps: the shown screen then takes focus (see below). */
function useScreenShortcuts(): number {
  const go = useNavigationStore((state) => state.go)
  const [focusRequest, setFocusRequest] = useState(0)
  useEffect(() => {
    const mac = isMacPlatform()
    const onKeyDown = (event: KeyboardEvent) => {
      const index = screenShortcutIndex(event, mac)
      const entry = index === null ? undefined : SCREENS[index]
      if (!entry) return
      event.preventDefault()
      go(entry.id)
      setFocusRequest((n) => n + 1)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [go])
  return focusRequest
}

/**
 * Sits beside the screen inside its Suspense boundary, so its effect runs once the screen is really
 * shown (its chunk loaded): then the screen's heading takes focus and is announced.
 */
function FocusScreenHeading({ request }: { request: number }) {
  useEffect(() => {
    if (request > 0) document.getElementById('screen-title')?.focus()
  }, [request])
  return null
}

/** Once the first screen is up and the browser is idle, fetch the other screens' chunks. */
function usePreloadScreensWhenIdle(): void {
  useEffect(() => {
    const preload = () => void preloadScreens().catch(() => undefined)
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preload, { timeout: 3000 })
      return () => cancelIdleCallback(id)
    }
    const timer = setTimeout(preload, 1000)
    return () => clearTimeout(timer)
  }, [])
}

function useWindowTitle(): void {
  const info = useShellStore((state) => state.info)
  useEffect(() => {
    document.title =
      info.state === 'ready' ? `${folderName(info.value.workspace)} — ${APP_TITLE}` : APP_TITLE
  }, [info])
}

export function AppShell() {
  const screen = useNavigationStore((state) => state.screen)
  const info = useShellStore((state) => state.info)
  useEffect(() => useShellStore.getState().start(), [])
  const focusRequest = useScreenShortcuts()
  useWorkspaceShortcut()
  usePreloadScreensWhenIdle()
  useWindowTitle()
  const entry = SCREENS.find((candidate) => candidate.id === screen)
  // A remembered screen this version does not have: start on the first one.
  useEffect(() => {
    if (!entry) useNavigationStore.setState({ screen: SCREENS[0]!.id })
  }, [entry])
  const { Screen, label } = entry ?? SCREENS[0]!

  return (
    <div className="app">
      <Sidebar />
      <main className="content">
        {info.state === 'error' && (
          <div className="banner banner-error" role="alert">
            The studio's API did not answer: {info.message}
          </div>
        )}
        {/* A screen that throws says so here; the sidebar and the other screens keep working. */}
        <ErrorBoundary what={`The ${label} screen`} resetKey={screen}>
          <Suspense fallback={<ScreenLoading label={label} />}>
            <Screen />
            <FocusScreenHeading request={focusRequest} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
      <WorkspaceSwitcher />
    </div>
  )
}
