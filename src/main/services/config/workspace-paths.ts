// Keeps every configurable path inside the workspace (after following symlinks) and out of `.mindx/`.
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { ConfigIssue } from '../../../shared/config-issue'
import { readConfigFile } from './read-config-file'

/** The app's private folder (keys, conversations, saved hosts): never a config file. */
export const PRIVATE_DIR = '.mindx'

/** A path that resolves outside the workspace or into `.mindx/`; nothing was read or written. */
export class PathOutsideWorkspaceError extends Error {
  constructor(
    readonly path: string,
    readonly realPath: string,
    readonly workspace: string,
    /** What the path is for, e.g. `llm.factory_config_path (set in …/mindx_config.json)`. */
    readonly what: string,
  ) {
    const where = realPath === resolve(path) ? path : `${path} (really ${realPath})`
    const inside = isPrivate(workspace, realPath)
    const problem = inside
      ? `is inside the app's private ${PRIVATE_DIR}/ folder (keys, conversations), which config can never read or write`
      : `is outside the workspace ${workspace}`
    super(
      `${what}: ${where} ${problem}. Point it at a file inside the workspace, or remove the setting to use the default; nothing was read or written.`,
    )
    this.name = 'PathOutsideWorkspaceError'
  }
}

function isPrivate(workspace: string, realPath: string): boolean {
  const rel = relative(workspace, realPath)
  return rel === PRIVATE_DIR || rel.startsWith(PRIVATE_DIR + sep)
}

/**
 * `path` with every symlink followed: the realpath of its longest existing prefix plus the rest, so
 * a file that does not exist yet (a first save) still resolves through linked folders above it.
 */
export async function realpathOfLongestPrefix(path: string): Promise<string> {
  const missing: string[] = []
  let current = resolve(path)
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return resolve(path)
      missing.push(basename(current))
      current = parent
    }
  }
}

/**
 * `path` (made absolute) when its real path lies inside `workspace` and outside `.mindx/`; throws
 * PathOutsideWorkspaceError otherwise. Links inside the workspace keep their own name.
 */
export async function confineToWorkspace(
  workspace: string,
  path: string,
  what: string,
): Promise<string> {
  const root = await realpathOfLongestPrefix(workspace)
  const real = await realpathOfLongestPrefix(path)
  const rel = relative(root, real)
  const outside = rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)
  if (outside || isPrivate(root, real)) throw new PathOutsideWorkspaceError(path, real, root, what)
  return resolve(path)
}

/** Why `path` may not be read as config, or undefined when it may (for lists that skip a file). */
export async function refusalOf(
  workspace: string,
  path: string,
): Promise<PathOutsideWorkspaceError | undefined> {
  try {
    await confineToWorkspace(workspace, path, path)
    return undefined
  } catch (error) {
    if (error instanceof PathOutsideWorkspaceError) return error
    throw error
  }
}

export interface LayerReadOptions {
  root: string
  strict: boolean
  warnings: ConfigIssue[]
}

/**
 * The file's text; undefined when missing or when it is a link out of the workspace (or into
 * `.mindx/`), which is a warning, or with `strict` a PathOutsideWorkspaceError: never read.
 */
export async function readInsideWorkspace(
  file: string,
  options: LayerReadOptions,
): Promise<string | undefined> {
  const refusal = await refusalOf(options.root, file)
  if (refusal === undefined) return readConfigFile(file)
  if (options.strict) throw refusal
  const message = `links to ${refusal.realPath}, outside the workspace or inside .mindx/; not read (make it a regular file inside the workspace)`
  options.warnings.push({ file, line: 1, column: 1, message })
  return undefined
}
