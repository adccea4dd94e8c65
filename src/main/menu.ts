// The application menu template (pure: callbacks are passed in, so tests can read the structure).
import type { MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'

export interface MenuActions {
  openWorkspace: () => void
  openRecent: (workspace: string) => void
  openExternal: (url: string) => void
}

export interface MenuOptions {
  isDev: boolean
  isMac: boolean
  recentWorkspaces: readonly string[]
  actions: MenuActions
}

const PROJECT_URL = 'https://github.com/Professor-Codephreak/mindX'

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions } = options
  const recent: MenuItemConstructorOptions[] =
    options.recentWorkspaces.length > 0
      ? options.recentWorkspaces.map((workspace) => ({
          label: `${basename(workspace)} — ${workspace}`,
          click: () => actions.openRecent(workspace),
        }))
      : [{ label: 'No recent workspaces', enabled: false }]

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Reload and devtools would drop unsaved edits; development builds only.
      ...(options.isDev
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'mindX on GitHub', click: () => actions.openExternal(PROJECT_URL) }],
  }
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ]
}
