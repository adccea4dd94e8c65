// A scratch repo for the bundle-cache launchers (scripts/*.mjs): the scripts copied, node_modules linked.
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')

/** Copies `launcher` and scripts/bundle-cache.mjs into `dir`, with a package.json naming two deps. */
export async function makeBundleRepo(dir: string, launcher: string): Promise<void> {
  await mkdir(join(dir, 'scripts'))
  for (const script of [launcher, 'scripts/bundle-cache.mjs'])
    await copyFile(join(ROOT, script), join(dir, script))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const pkg = { type: 'module', dependencies: { ollama: '*', zod: '*' } }
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg))
}

/** Writes a source file under the scratch repo, creating its folder. */
export async function writeSource(dir: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true })
  await writeFile(join(dir, path), text)
}

/** Runs a launcher of the scratch repo with `args`; its exit status and output. */
export function runLauncher(dir: string, launcher: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(dir, launcher), ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The files of .cache/`name` in the scratch repo, sorted. */
export async function cacheFiles(dir: string, name: string): Promise<string[]> {
  return (await readdir(join(dir, '.cache', name))).sort()
}
