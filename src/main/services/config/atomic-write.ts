// Crash-safe file replacement: temp file in the same folder, fsync, rename; optional .bak of the old one.
import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface WriteFileAtomicOptions {
  /** Keep the file being replaced as `<path>.bak` (itself replaced atomically). */
  keepBackup?: boolean
  /** Permissions of the new file (default: those of the file replaced, else 0644). */
  mode?: number
}

/**
 * Replaces `path` with `text` so readers see the old content or the new, never a torn file.
 * The temp file sits in the same folder because rename is only atomic within one file system.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  // Writing through a symlink keeps the link and replaces what it points to.
  const target = await realpathIfExists(path)
  const previous = await stat(target).catch(() => undefined)
  await mkdir(dirname(target), { recursive: true })
  if (options.keepBackup === true && previous?.isFile() === true) {
    await replaceWith(`${target}.bak`, (temp) => copyFile(target, temp))
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
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await write(temp)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
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
