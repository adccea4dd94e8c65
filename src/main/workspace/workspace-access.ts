// Which folders may be opened as a workspace: real paths (symlinks followed) under the allowed roots,
// never inside a `.mindx/` folder, and shaped like a workspace (data/config/ or mindx_config.json).
import { stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { PRIVATE_DIR, realpathOfLongestPrefix } from '../services/config/workspace-paths'

export type WorkspaceAccessCode = 'not_found' | 'not_a_workspace' | 'workspace_not_allowed'

/** A folder that cannot be opened as a workspace; the message names the path and what to do. */
export class WorkspaceAccessError extends Error {
  constructor(
    readonly code: WorkspaceAccessCode,
    message: string,
  ) {
    super(message)
    this.name = 'WorkspaceAccessError'
  }
}

export interface WorkspaceAccess {
  /** Real paths of the folders workspaces may be opened under (each included); 'any' allows all. */
  roots: readonly string[] | 'any'
  /** What `~` means in a typed path. */
  home: string
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel))
}

/** The folders without duplicates and without those inside another one (they add nothing). */
export function outermostFolders(folders: readonly string[]): string[] {
  const unique = [...new Set(folders)]
  return unique.filter(
    (folder) => !unique.some((other) => other !== folder && isWithin(other, folder)),
  )
}

/** True when `path` is a folder (following symlinks). */
export async function isDirectory(path: string): Promise<boolean> {
  return (await kindOf(path)) === 'dir'
}

async function kindOf(path: string): Promise<'dir' | 'file' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file'
  } catch {
    return 'missing'
  }
}

/** `~` and `~/…` from the user's home; anything else must already be absolute. */
function absolutePath(typed: string, home: string): string {
  if (typed === '~') return home
  if (typed.startsWith('~/') || typed.startsWith('~\\')) return join(home, typed.slice(2))
  if (!isAbsolute(typed)) {
    throw new WorkspaceAccessError(
      'not_a_workspace',
      `${typed} is not an absolute path. Enter the full path of the workspace folder (e.g. /home/you/mindX or ~/mindX).`,
    )
  }
  return resolve(typed)
}

/**
 * The real path of the workspace folder `typed`, when it may be opened; throws WorkspaceAccessError
 * (naming the path and what to do) otherwise. Nothing is created or written.
 */
export async function checkWorkspacePath(typed: string, access: WorkspaceAccess): Promise<string> {
  const path = absolutePath(typed, access.home)
  // Confinement first, on the real path of what exists of it: the answer says nothing about
  // whether something exists outside the allowed folders.
  const real = await realpathOfLongestPrefix(path)
  const shown = real === path ? path : `${path} (really ${real})`
  if (real.split(sep).includes(PRIVATE_DIR)) {
    throw new WorkspaceAccessError(
      'workspace_not_allowed',
      `${shown} is inside a workspace's private ${PRIVATE_DIR}/ folder (keys, conversations), which is never opened as a workspace. Open the workspace folder above it.`,
    )
  }
  if (access.roots !== 'any' && !access.roots.some((root) => isWithin(root, real))) {
    throw new WorkspaceAccessError(
      'workspace_not_allowed',
      `${shown} is outside the folders this server may open (${access.roots.join(', ')}). Open a workspace under one of them, or restart serve with --allow-root <folder> to allow another.`,
    )
  }
  const kind = await kindOf(real)
  if (kind === 'missing') {
    throw new WorkspaceAccessError(
      'not_found',
      `There is no folder at ${path}. Check the path (it is on the machine running the studio).`,
    )
  }
  if (kind !== 'dir') {
    throw new WorkspaceAccessError(
      'not_a_workspace',
      `${shown} is a file, not a folder. Enter the workspace folder (the one holding data/config/).`,
    )
  }
  const [configDir, mindxConfig] = await Promise.all([
    kindOf(join(real, 'data', 'config')),
    kindOf(join(real, 'mindx_config.json')),
  ])
  if (configDir !== 'dir' && mindxConfig !== 'file') {
    throw new WorkspaceAccessError(
      'not_a_workspace',
      `${shown} is not a workspace: it has neither data/config/ nor mindx_config.json. Open a mindX checkout or a folder the studio created (npm run serve -- --workspace DIR creates one).`,
    )
  }
  return real
}
