// Finds the Electron binary the way node_modules/electron/index.js does, without requiring it
// (requiring it starts a download when the binary is missing).
/* global process */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * @param {{ packageDir?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(options = {}) {
  const env = options.env ?? process.env
  let packageDir = options.packageDir ?? env.MINDX_ELECTRON_PACKAGE_DIR
  if (!packageDir) {
    try {
      packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    } catch {
      return { found: false, reason: 'the electron package is not installed (run npm ci)' }
    }
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` }
  }
  if (!relative) return { found: false, reason: `${pathFile} does not exist` }
  const path = join(packageDir, 'dist', relative)
  return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} is missing` }
}
