// Electron main process: single instance, security (CSP, permissions), workspace, IPC, menu, window.
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron'
import { basename, join } from 'node:path'
import { EVENT_IPC_CHANNEL } from '../shared/contract'
import { createDispatcher } from './api/dispatch'
import { createEventBus } from './api/event-bus'
import { createApiHandlers } from './api/handlers'
import { createWorkspaceSession } from './api/workspace-session'
import { createWorkspaceSwitcher } from './api/workspace-switcher'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { contentSecurityPolicy } from './csp'
import { createSenderCheck, registerIpcHandlers } from './ipc/register-ipc'
import { buildMenuTemplate } from './menu'
import { SafeStorageSecretStore } from './secrets/safe-storage-secret-store'
import { APP_ORIGIN, isAppUrl } from './navigation-policy'
import { createMainWindow, openExternalIfSafe } from './window'
import { APP_NAME } from './window-options'
import { RecentWorkspaces } from './workspace/recent-workspaces'
import { ensureWorkspace } from './workspace/seed-workspace'
import { isDirectory } from './workspace/workspace-access'

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isDev = devServerUrl !== undefined

function logError(message: string, error: unknown): void {
  console.error(`[main] ${message}:`, error)
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  const recent = new RecentWorkspaces(join(userData, 'recent-workspaces.json'))
  const defaultWorkspace = join(userData, 'workspace')
  const lastWorkspace = (await recent.list())[0]
  const workspace =
    lastWorkspace && (await isDirectory(lastWorkspace)) ? lastWorkspace : defaultWorkspace
  await ensureWorkspace(workspace, join(app.getAppPath(), 'config'))
  await recent.add(workspace)

  const events = createEventBus()
  const workspaces = createWorkspaceSession({
    workspace,
    createSecrets: (dir) => new SafeStorageSecretStore(join(userData, 'secrets'), dir, safeStorage),
  })
  let win: BrowserWindow | null = null
  const showTitle = (dir: string) => win?.setTitle(`${basename(dir)} — ${APP_NAME}`)
  // The desktop user picks any folder in the system's dialog anyway: the switcher allows any folder.
  const switcher = createWorkspaceSwitcher({
    session: workspaces,
    allowedRoots: 'any',
    recent,
    version: app.getVersion(),
    transport: 'electron',
    events,
    onSwitched: async (dir, recentWorkspaces) => {
      await installMenu(recentWorkspaces)
      showTitle(dir)
    },
  })
  const handlers = createApiHandlers({
    session: workspaces,
    version: app.getVersion(),
    transport: 'electron',
    events,
    openPath: (path) => shell.openPath(path),
    templatesDir: join(app.getAppPath(), 'config'),
    workspaces: switcher,
  })

  const csp = contentSecurityPolicy({
    connectSrc: ["'none'"],
    ...(devServerUrl ? { devServerUrl } : {}),
  })
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  // The app needs no camera, location, notifications…; copying text is the one exception.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  )
  handleAppProtocol(join(import.meta.dirname, '..', 'renderer'), csp)

  registerIpcHandlers({
    ipcMain,
    dispatch: createDispatcher(handlers, { log: logError }),
    isTrustedSender: createSenderCheck({
      webContents: () => win?.webContents,
      isAppUrl: (url) => isAppUrl(url, devServerUrl),
    }),
  })
  events.subscribe((name, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_IPC_CHANNEL, name, payload)
  })

  const switchWorkspace = async (dir: string) => {
    await switcher.switchTo(dir)
  }

  const chooseWorkspace = async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'Open Workspace',
      buttonLabel: 'Open Workspace',
      properties: ['openDirectory', 'createDirectory'],
    }
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options)
    const dir = result.filePaths[0]
    if (!result.canceled && dir) await switchWorkspace(dir)
  }

  const installMenu = async (recentWorkspaces?: string[]) => {
    const template = buildMenuTemplate({
      isDev,
      isMac: process.platform === 'darwin',
      recentWorkspaces: recentWorkspaces ?? (await recent.list()),
      actions: {
        openWorkspace: () => void chooseWorkspace().catch((e: unknown) => logError('open', e)),
        openRecent: (dir) => void switchWorkspace(dir).catch((e: unknown) => logError('open', e)),
        openExternal: openExternalIfSafe,
      },
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  await installMenu()

  const openWindow = async () => {
    win = await createMainWindow({
      preloadPath: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      ...(devServerUrl ? { devServerUrl } : {}),
      stateFile: join(userData, 'window-state.json'),
    })
    win.on('closed', () => (win = null))
    // The page title would replace ours; the workspace belongs in the title bar.
    win.on('page-title-updated', (event) => event.preventDefault())
    showTitle(workspaces.current.workspace)
  }
  await openWindow()

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow()
  })
}

registerAppScheme()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logError('start-up failed', error)
      const detail = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox(`${APP_NAME} could not start`, detail)
      app.exit(1)
    })
}
