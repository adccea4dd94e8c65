// `npm start` without the Electron binary: one clear paragraph pointing at serve mode, no stack.
import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import { makeTempDir } from './helpers'

const script = join(import.meta.dirname, '..', '..', 'scripts', 'start.mjs')
let temp: Awaited<ReturnType<typeof makeTempDir>>

beforeAll(async () => {
  temp = await makeTempDir('mindx-electron-')
})
afterAll(() => temp.cleanup())

describe('scripts/start.mjs', () => {
  it('explains serve mode and exits non-zero when the binary is missing', () => {
    const result = spawnSync(process.execPath, [script], {
      env: { ...process.env, MINDX_ELECTRON_PACKAGE_DIR: join(temp.dir, 'no-electron-here') },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain("The Electron binary isn't installed")
    expect(result.stderr).toContain('npm run serve -- --workspace DIR')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stderr).not.toContain('Downloading')
  })
})

describe('findElectronBinary', () => {
  it('reads path.txt like the electron package and checks the file exists', async () => {
    const pkg = join(temp.dir, 'electron')
    await mkdir(join(pkg, 'dist'), { recursive: true })
    await writeFile(join(pkg, 'path.txt'), 'electron')
    expect(findElectronBinary({ packageDir: pkg, env: {} })).toMatchObject({ found: false })
    await writeFile(join(pkg, 'dist', 'electron'), '')
    expect(findElectronBinary({ packageDir: pkg, env: {} })).toEqual({
      found: true,
      path: join(pkg, 'dist', 'electron'),
    })
  })
})
