// Creates the main window: secure options, locked navigation, external links, remembered bounds.
import { BrowserWindow, dialog, nativeTheme, screen, shell } from 'electron'
import { isAppUrl, isSafeExternalUrl } from './navigation-policy'
import { mainWindowOptions } from './window-options'
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state'

export interface CreateMainWindowOptions {
  preloadPath: string
  /** The page to load: app://mindx/index.html, or the dev server in development. */
  startUrl: string
  devServerUrl?: string
  /** Where size and position are remembered. */
  stateFile: string
}

export function openExternalIfSafe(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

export async function createMainWindow(options: CreateMainWindowOptions): Promise<BrowserWindow> {
  const saved = await loadWindowState(options.stateFile)
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      ...(saved ? { bounds: fitToDisplays(saved, workAreas) } : {}),
      dark: nativeTheme.shouldUseDarkColors,
    }),
  )
  if (saved?.maximized) win.maximize()

  const contents = win.webContents
  // New windows never open; http(s) links go to the user's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url)
    return { action: 'deny' }
  })
  const lockNavigation = (event: Electron.Event, url: string) => {
    if (isAppUrl(url, options.devServerUrl)) return
    event.preventDefault()
    openExternalIfSafe(url)
  }
  contents.on('will-navigate', lockNavigation)
  contents.on('will-redirect', lockNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // A screen with unsaved edits blocks unload (beforeunload); Electron would then stay open
  // silently, so ask. preventDefault here lets the window close after all.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'Leave without saving?',
      detail: 'Your edits to llm_factory_config.json are not saved.',
    })
    if (choice === 0) event.preventDefault()
  })

  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const bounds = win.getNormalBounds()
    try {
      saveWindowState(options.stateFile, { ...bounds, maximized: win.isMaximized() })
    } catch (error) {
      console.error('[main] could not remember the window size:', error)
    }
  })

  await win.loadURL(options.startUrl)
  return win
}
