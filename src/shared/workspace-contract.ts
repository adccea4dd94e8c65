// The workspace slice of the contract: which workspaces this app or server may open, and switching.
import { z } from 'zod'
import type { AppInfo, TypeTag } from './contract'

function returns<T>(): TypeTag<T> {
  return {}
}

/** A workspace one click away in the switcher. */
export interface WorkspaceChoice {
  /** Absolute path (symlinks resolved). */
  path: string
  /** Its folder name. */
  name: string
}

export interface WorkspaceOverview {
  /** The open workspace. */
  current: string
  /** Recently opened workspaces that can be opened now (they exist and are allowed), newest first. */
  recent: WorkspaceChoice[]
  /**
   * The folders a workspace may be opened under (each one included); null: any folder (the desktop
   * app, where the user picks folders in the system's own dialog anyway).
   */
  allowedRoots: string[] | null
}

const workspacePath = z
  .string()
  .trim()
  .min(1, 'Enter the folder of a workspace')
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A path has no NUL character')

export const workspaceMethods = {
  'workspace:list': {
    summary:
      'The open workspace, recent ones that can be opened, and the folders workspaces may be opened under.',
    input: z.strictObject({}),
    output: returns<WorkspaceOverview>(),
    errors: [],
  },
  'workspace:open': {
    summary:
      'Switches every screen to another workspace folder (absolute, or ~/…), if it is allowed and shaped like one.',
    input: z.strictObject({ path: workspacePath }),
    output: returns<AppInfo>(),
    errors: ['not_found', 'not_a_workspace', 'workspace_not_allowed'],
  },
} as const
