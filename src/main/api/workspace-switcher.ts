// Switching the open workspace (web UI switcher, Electron menu): checks, the recent list, the event.
import { homedir } from 'node:os'
import { basename } from 'node:path'
import type { AppInfo, Transport } from '../../shared/contract'
import type { WorkspaceOverview } from '../../shared/workspace-contract'
import { realpathOfLongestPrefix } from '../services/config/workspace-paths'
import type { RecentWorkspaceList } from '../workspace/recent-workspaces'
import type { WorkspaceAccess } from '../workspace/workspace-access'
import {
  checkWorkspacePath,
  outermostFolders,
  WorkspaceAccessError,
} from '../workspace/workspace-access'
import type { AppEventBus } from './event-bus'
import type { WorkspaceSession } from './workspace-session'

export interface WorkspaceSwitcherOptions {
  session: WorkspaceSession
  /** The folders workspaces may be opened under (symlinks followed once, here), or 'any' (desktop). */
  allowedRoots: readonly string[] | 'any'
  recent: RecentWorkspaceList
  version: string
  transport: Transport
  events?: AppEventBus
  /** After a switch (Electron: the menu's recent list and the window title). */
  onSwitched?: (workspace: string, recent: string[]) => void | Promise<void>
  home?: string
}

export interface WorkspaceSwitcher {
  overview(): Promise<WorkspaceOverview>
  /** Checks `path` (confinement, shape) and switches to its real path. */
  open(path: string): Promise<AppInfo>
  /** Switches without checks: a folder the user picked in the system's dialog (Electron menu). */
  switchTo(workspace: string): Promise<AppInfo>
}

export function createWorkspaceSwitcher(options: WorkspaceSwitcherOptions): WorkspaceSwitcher {
  const home = options.home ?? homedir()
  // Followed through symlinks once: what a root means cannot change while the app runs.
  const { allowedRoots } = options
  const accessReady: Promise<WorkspaceAccess> =
    allowedRoots === 'any'
      ? Promise.resolve({ roots: 'any', home })
      : Promise.all(allowedRoots.map(realpathOfLongestPrefix)).then((roots) => ({
          roots: outermostFolders(roots),
          home,
        }))
  const { session } = options

  const remember = async (previous: string, next: string): Promise<string[]> => {
    try {
      // The one switched away from stays one click away, even if it never was in the list.
      if (previous !== next) await options.recent.add(previous)
      return await options.recent.add(next)
    } catch {
      // The recent list is a convenience: a state folder that cannot be written must not undo a switch.
      return options.recent.list().catch(() => [])
    }
  }

  const switchTo = async (workspace: string): Promise<AppInfo> => {
    const previous = session.current.workspace
    session.open(workspace)
    const recent = await remember(previous, workspace)
    const info: AppInfo = { workspace, version: options.version, transport: options.transport }
    options.events?.emit('workspace:changed', info)
    await options.onSwitched?.(workspace, recent)
    return info
  }

  return {
    async overview() {
      const access = await accessReady
      const current = session.current.workspace
      const openable = await Promise.all(
        (await options.recent.list()).map((path) =>
          checkWorkspacePath(path, access).catch((error: unknown) => {
            if (error instanceof WorkspaceAccessError) return null
            throw error
          }),
        ),
      )
      const seen = new Set<string>([current])
      const recent = openable.filter((path): path is string => {
        if (path === null || seen.has(path)) return false
        seen.add(path)
        return true
      })
      return {
        current,
        recent: recent.map((path) => ({ path, name: basename(path) })),
        allowedRoots: access.roots === 'any' ? null : [...access.roots],
      }
    },
    async open(path) {
      return switchTo(await checkWorkspacePath(path, await accessReady))
    },
    switchTo,
  }
}
