// Crash-safe file replacement: temp file in the same folder, fsync, rename; optional .bak of the old one.
import {
  appendFile,
  chmod,
  copyFile,
  mkdir,
  open,
  readFile,
  readdir,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileSystemErrorOf } from './file-system-error'

export interface WriteFileAtomicOptions {
  /** Keep the file being replaced as `<path>.bak` (itself replaced atomically). */
  keepBackup?: boolean
  /** Permissions of the new file (default: those of the file replaced, else 0644). */
  mode?: number
}

/** `.<name>.<12 hex>.tmp`: what a save in progress (or killed mid-way) leaves next to its file. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/

/** What the app makes git skip in every folder where it keeps a `.bak` (they may hold keys). */
const IGNORED_PATTERNS = ['*.bak', '.*.tmp']

/**
 * Replaces `path` with `text` so readers see the old content or the new, never a torn file.
 * The temp file sits in the same folder because rename is only atomic within one file system.
 * A file-system failure is a FileSystemError naming `path` (read-only, disk full…); the old file
 * is then untouched and no temp file is left behind.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  try {
    await replaceFile(path, text, options)
  } catch (error) {
    throw fileSystemErrorOf(error, path) ?? error
  }
}

async function replaceFile(path: string, text: string, options: WriteFileAtomicOptions) {
  // Writing through a symlink keeps the link and replaces what it points to.
  const target = await realpathIfExists(path)
  const previous = await stat(target).catch(() => undefined)
  await mkdir(dirname(target), { recursive: true })
  if (options.keepBackup === true && previous?.isFile() === true) {
    await ignoreBackupsIn(dirname(target))
    await replaceWith(`${target}.bak`, async (temp) => {
      await copyFile(target, temp)
      // The backup is exactly as readable as the file it copies (a 0600 file holding a key stays
      // 0600), whatever the platform's copy does with modes.
      await chmod(temp, previous.mode & 0o777)
    })
  }
  await replaceWith(target, async (temp) => {
    const mode = options.mode ?? (previous === undefined ? 0o644 : previous.mode & 0o777)
    const handle = await open(temp, 'wx', mode)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  })
  await syncDirectory(dirname(target))
}

/** Writes a temp sibling with `write`, then renames it over `target`; removes the temp on failure. */
async function replaceWith(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  // Loaded on the first save, not at import: reading config (each CLI start) needs no crypto.
  const { randomBytes } = process.getBuiltinModule('node:crypto')
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await write(temp)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/**
 * Makes the folder's `.gitignore` cover backups and temp files, adding only the missing lines
 * (the user's own lines stay). Best effort: a save is never refused for its .gitignore.
 */
async function ignoreBackupsIn(dir: string): Promise<void> {
  const file = join(dir, '.gitignore')
  try {
    const text = await readFile(file, 'utf8').catch(() => '')
    const lines = new Set(text.split(/\r?\n/).map((line) => line.trim()))
    const missing = IGNORED_PATTERNS.filter((pattern) => !lines.has(pattern))
    if (missing.length === 0) return
    const lead = text === '' || text.endsWith('\n') ? '' : '\n'
    const header = '# mindX LLM Factory Studio: backups and unfinished saves (may hold keys)'
    await appendFile(file, `${lead}${header}\n${missing.join('\n')}\n`)
  } catch {
    // The backup is still written; only git's view of it could not be changed.
  }
}

export interface RemoveStaleTempFilesOptions {
  /** Younger temp files may belong to a save still running in another process (the CLI). */
  minAgeMs?: number
  now?: () => number
}

/**
 * Deletes the temp files a killed save left in `dirs` (only names this module creates); returns
 * the paths removed. Missing folders are fine.
 */
export async function removeStaleTempFiles(
  dirs: readonly string[],
  options: RemoveStaleTempFilesOptions = {},
): Promise<string[]> {
  const minAgeMs = options.minAgeMs ?? 1000
  const now = (options.now ?? Date.now)()
  const removed: string[] = []
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [])
    for (const name of names.filter((n) => TEMP_NAME.test(n))) {
      const path = join(dir, name)
      const info = await stat(path).catch(() => undefined)
      if (!info?.isFile() || now - info.mtimeMs < minAgeMs) continue
      if (
        await unlink(path).then(
          () => true,
          () => false,
        )
      )
        removed.push(path)
    }
  }
  return removed
}

async function realpathIfExists(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    return path
  }
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Best effort only: the data is already synced and renamed.
  }
}
