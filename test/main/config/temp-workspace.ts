// Test helpers: throwaway workspaces under the OS temp folder, and the checked-in fixture paths.
import { mkdir, mkdtemp, readdir, rm, stat, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url))
export const MINDX_CHECKOUT = join(FIXTURES_DIR, 'mindx-checkout')
export const V4_WORKSPACE = join(FIXTURES_DIR, 'v4-workspace')

/** A fresh workspace holding `files` (relative path → text). Remove it with `removeWorkspace`. */
export async function makeWorkspace(files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mindx-config-test-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

export async function removeWorkspace(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true })
}

/** Every file under `root` with its content and mtime, to prove a read changed nothing. */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>()
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { mtimeMs } = await stat(path)
    snapshot.set(relative(root, path), `${mtimeMs}\n${await readFile(path, 'utf8')}`)
  }
  return snapshot
}
