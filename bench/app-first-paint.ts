// Serve mode from process start to first paint in Chromium, against the same built page served by a
// bare static server; rounds interleaved, each in a fresh browser context (nothing cached).
import type { Browser, Page } from '@playwright/test'
import { startServe } from './browser-measure'
import { descendants, median, startStaticServer, treeCpuMs, waitGone } from './app-processes'

export interface StartupSample {
  /** Process spawn → the server printed its URL. */
  readyMs: number
  /** CPU time the server's processes used until then (robust on a busy machine). */
  readyCpuMs: number
  /** Process spawn → Chromium's first paint / first contentful paint of the page. */
  firstPaintMs: number
  firstContentfulPaintMs: number
  /** Process spawn → the first screen's heading is in the DOM (its chunk loaded and rendered). */
  headingMs: number
}

export interface StartupFigures {
  serve: StartupSample
  static: StartupSample
  rounds: number
}

/** Records when #screen-title first appears (page clock); installed before the page's own scripts. */
const WATCH_HEADING = `
  new MutationObserver((_, observer) => {
    if (document.getElementById('screen-title')) {
      window.__headingAt = performance.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
`

/** Paint entries and the heading time as epoch ms, polled without eval (the app's CSP forbids it). */
interface Paints {
  fp: number
  fcp: number
  heading: number
}

async function pagePaints(page: Page): Promise<Paints> {
  const read = `(() => {
    const paint = (name) => performance.getEntriesByName(name)[0]?.startTime
    const fp = paint('first-paint'), fcp = paint('first-contentful-paint'), h = window.__headingAt
    if (fp === undefined || fcp === undefined || h === undefined) return null
    return { fp: performance.timeOrigin + fp, fcp: performance.timeOrigin + fcp, heading: performance.timeOrigin + h }
  })()`
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const result = await page.evaluate<Paints | null>(read)
    if (result) return result
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('no first paint and screen heading within 20 s')
}

const now = () => performance.timeOrigin + performance.now()

async function sample(
  browser: Browser,
  start: () => Promise<{ url: string; pid: number; stop: () => Promise<void> }>,
): Promise<StartupSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(WATCH_HEADING)
    const spawnedAt = now()
    const server = await start()
    const readyMs = now() - spawnedAt
    const readyCpuMs = treeCpuMs(server.pid)
    try {
      await page.goto(server.url)
      const paints = await pagePaints(page)
      return {
        readyMs,
        readyCpuMs,
        firstPaintMs: paints.fp - spawnedAt,
        firstContentfulPaintMs: paints.fcp - spawnedAt,
        headingMs: paints.heading - spawnedAt,
      }
    } finally {
      await server.stop()
    }
  } finally {
    await context.close()
  }
}

function medianSample(samples: StartupSample[]): StartupSample {
  const of = (key: keyof StartupSample) => median(samples.map((s) => s[key]))
  return {
    readyMs: of('readyMs'),
    readyCpuMs: of('readyCpuMs'),
    firstPaintMs: of('firstPaintMs'),
    firstContentfulPaintMs: of('firstContentfulPaintMs'),
    headingMs: of('headingMs'),
  }
}

/** Median of `rounds` starts of each, after one unmeasured warm-up of each (the serve bundle and its code cache, disk). */
export async function measureFirstPaint(
  browser: Browser,
  options: { workspace: string; token: string; staticDir: string; rounds: number },
): Promise<StartupFigures> {
  const startServeMode = async () => {
    const server = await startServe(options.workspace, options.token, { quiet: true })
    return {
      url: server.url,
      pid: server.pid,
      stop: async () => {
        const tree = [server.pid, ...descendants(server.pid)]
        server.stop()
        await waitGone(tree)
      },
    }
  }
  const startStatic = () => startStaticServer(options.staticDir)
  await sample(browser, startServeMode)
  await sample(browser, startStatic)
  const serve: StartupSample[] = []
  const baseline: StartupSample[] = []
  for (let round = 0; round < options.rounds; round++) {
    // Alternate which goes first so a noisy moment hits both alike.
    if (round % 2 === 0) {
      serve.push(await sample(browser, startServeMode))
      baseline.push(await sample(browser, startStatic))
    } else {
      baseline.push(await sample(browser, startStatic))
      serve.push(await sample(browser, startServeMode))
    }
  }
  return { serve: medianSample(serve), static: medianSample(baseline), rounds: options.rounds }
}
