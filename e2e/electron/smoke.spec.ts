// The same smoke in the real Electron app via Playwright's _electron; skipped (with the reason)
// where the Electron binary is not installed.
import type { ElectronApplication } from '@playwright/test'
import { _electron as electron, expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import { NAV_ITEMS } from '../web/e2e-constants'

const root = join(import.meta.dirname, '..', '..')
const binary = findElectronBinary()

const skipReason = binary.found
  ? ''
  : `Electron binary not installed (${binary.reason}); the same journeys run in e2e/web`

test.describe('Electron app', () => {
  let app: ElectronApplication
  let userData: string

  test.beforeAll(async () => {
    if (!binary.found) return
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    )
    expect(build.status).toBe(0)
    userData = mkdtempSync(join(tmpdir(), 'mindx-electron-e2e-'))
    app = await electron.launch({
      executablePath: binary.path,
      args: [root, `--user-data-dir=${userData}`],
      cwd: root,
    })
  })

  test.afterAll(async () => {
    await app?.close()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })

  test('the window uses the sandboxed preload and shows every screen', async () => {
    if (skipReason) console.log(`skipped: ${skipReason}`)
    test.skip(!!skipReason, skipReason)
    const page = await app.firstWindow()
    expect(await page.evaluate(() => typeof (window as { mindx?: unknown }).mindx)).toBe('object')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    )
    const nav = page.getByRole('navigation', { name: 'Screens' })
    for (const name of NAV_ITEMS) {
      await nav.getByRole('button', { name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
    }
    await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(' · ')
  })
})
