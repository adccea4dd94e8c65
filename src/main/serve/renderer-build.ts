// Builds the renderer with electron-vite when out/renderer is missing or older than its sources.
import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

const SOURCE_DIRS = ['src/renderer', 'src/shared']
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json']

async function mtimeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return 0
  }
}

async function newestIn(dir: string): Promise<number> {
  let newest = 0
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    if (entry.isFile()) newest = Math.max(newest, await mtimeOf(join(entry.parentPath, entry.name)))
  }
  return newest
}

/** True when out/renderer/index.html is missing or a renderer source changed after it was built. */
export async function rendererBuildIsStale(root: string): Promise<boolean> {
  const built = await mtimeOf(join(root, 'out', 'renderer', 'index.html'))
  if (built === 0) return true
  const sources = await Promise.all([
    ...SOURCE_DIRS.map((dir) => newestIn(join(root, dir))),
    ...SOURCE_FILES.map((file) => mtimeOf(join(root, file))),
  ])
  return Math.max(...sources) > built
}

/** Runs `electron-vite build` (its output goes to stderr, so stdout stays the URL). */
export function buildApp(root: string): Promise<void> {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
    })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`})`)),
    )
  })
}
