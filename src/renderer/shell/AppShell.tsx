// The app's frame: sidebar, the current screen, status bar; global screen shortcuts.
import { useEffect } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { useNavigationStore } from '../stores/navigation-store'
import { useShellStore } from '../stores/shell-store'
import { isMacPlatform, screenShortcutIndex } from './keyboard'
import { SCREENS } from './screens'
import { Sidebar } from './Sidebar'
import { folderName, StatusBar } from './StatusBar'
import { useWorkspaceShortcut, WorkspaceSwitcher } from './WorkspaceSwitcher'

const APP_TITLE = 'mindX LLM Factory Studio'

function useScreenShortcuts(): void {
  const go = useNavigationStore((state) => state.go)
  useEffect(() => {
    const mac = isMacPlatform()
    const onKeyDown = (event: KeyboardEvent) => {
      const index = screenShortcutIndex(event, mac)
      const entry = index === null ? undefined : SCREENS[index]
      if (!entry) return
      event.preventDefault()
      go(entry.id)
      // After React renders the new screen, put focus on its heading so it is announced.
      requestAnimationFrame(() => document.getElementById('screen-title')?.focus())
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [go])
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
  useScreenShortcuts()
  useWorkspaceShortcut()
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
          <Screen />
        </ErrorBoundary>
      </main>
      <StatusBar />
      <WorkspaceSwitcher />
    </div>
  )
}
