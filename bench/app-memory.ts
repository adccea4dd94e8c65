// Serve mode's memory at idle after Chromium visited every screen, against a bare node:http server.
import type { Browser } from '@playwright/test'
import { startServe } from './browser-measure'
import { commandLine, descendants, rssBytes, startStaticServer, waitGone } from './app-processes'
import { NAV_ITEMS } from '../e2e/web/e2e-constants'

const SERVE_ENTRY = 'scripts/serve.mjs'

export interface MemoryFigures {
  /** The node process that runs the server (scripts/serve.mjs, below npm and sh). */
  serveRss: number
  serveCommand: string
  /** The processes above it that `npm run serve` keeps alive (npm, sh). */
  wrappersRss: number
  /** The baseline: the bare static server after serving the same page. */
  bareRss: number
  idleMs: number
}

/** Opens the app, shows every screen (its data loaded), then waits `idleMs` and reads RSS. */
export async function measureIdleMemory(
  browser: Browser,
  options: { workspace: string; token: string; staticDir: string; idleMs: number },
): Promise<MemoryFigures> {
  const server = await startServe(options.workspace, options.token, { quiet: true })
  const bare = await startStaticServer(options.staticDir)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.goto(bare.url)
    await page.goto(server.url)
    const nav = page.getByRole('navigation', { name: 'Screens' })
    for (const name of NAV_ITEMS) {
      await nav.getByRole('button', { name, exact: true }).click()
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor()
      // Let the screen's first requests (lists, health, catalog) finish before the next one.
      await page.waitForTimeout(750)
    }
    await page.waitForTimeout(options.idleMs)
    const tree = [server.pid, ...descendants(server.pid)]
    // The deepest process naming the serve entry is the server itself; above it npm and sh (a
    // helper, e.g. esbuild's service while the bundle builds, may sit below it).
    const servePid =
      tree.filter((pid) => commandLine(pid).includes(SERVE_ENTRY)).pop() ?? server.pid
    const wrappers = tree.slice(0, tree.indexOf(servePid))
    return {
      serveRss: rssBytes(servePid),
      serveCommand: commandLine(servePid),
      wrappersRss: wrappers.reduce((total, pid) => total + rssBytes(pid), 0),
      bareRss: rssBytes(bare.pid),
      idleMs: options.idleMs,
    }
  } finally {
    await context.close()
    const tree = [server.pid, ...descendants(server.pid)]
    server.stop()
    await Promise.all([waitGone(tree), bare.stop()])
  }
}
