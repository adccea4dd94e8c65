// Browser benchmarks' shared steps: serve mode on a temp workspace, long tasks and frame gaps in a page.
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export const CHROMIUM = process.env.MINDX_CHROMIUM ?? '/usr/bin/chromium'
const ROOT = join(import.meta.dirname, '..')

export interface LongTasks {
  count: number
  totalMs: number
  maxMs: number
  /** The longest wait between two animation frames: what a person feels as a freeze. */
  maxFrameGapMs: number
  wallMs: number
}

export async function startServe(
  workspace: string,
  token: string,
  options: { quiet?: boolean } = {},
): Promise<{ url: string; pid: number; stop: () => void; exited: Promise<void> }> {
  const serve = spawn(
    'npm',
    ['run', '--silent', 'serve', '--', '--workspace', workspace, '--port', '0', '--token', token],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', options.quiet ? 'ignore' : 'inherit'],
      detached: true,
    },
  )
  const exited = new Promise<void>((resolve) => serve.on('exit', () => resolve()))
  const lines = createInterface({ input: serve.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('http') && resolve(line.trim()))
    serve.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  return {
    url,
    pid: serve.pid!,
    stop: () => serve.pid && process.kill(-serve.pid, 'SIGTERM'),
    exited,
  }
}

/** Records every long task of the page from its first script on (call before goto). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(`
      window.__longtasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
  `)
}

/** Runs `work` while recording long tasks and frame gaps in the page. */
export async function measure(page: Page, work: () => Promise<void>): Promise<LongTasks> {
  // In-page code goes as text: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const bench = { start: performance.now(), gaps: 0, stop: false }
    window.__bench = bench
    let last = performance.now()
    function tick(now) {
      bench.gaps = Math.max(bench.gaps, now - last)
      last = now
      if (!bench.stop) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  await work()
  await page.waitForTimeout(300) // long-task entries arrive after the task
  return page.evaluate(() => {
    const w = window as unknown as {
      __bench: { start: number; gaps: number; stop: boolean }
      __longtasks: { start: number; duration: number }[]
    }
    w.__bench.stop = true
    const end = performance.now()
    const tasks = w.__longtasks.filter((t) => t.start >= w.__bench.start && t.start <= end)
    return {
      count: tasks.length,
      totalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
      maxMs: Math.max(0, ...tasks.map((t) => t.duration)),
      maxFrameGapMs: w.__bench.gaps,
      wallMs: end - w.__bench.start,
    }
  })
}

export function line(name: string, m: LongTasks): string {
  return `${name}: ${m.count} long tasks, ${m.totalMs.toFixed(0)} ms total, max ${m.maxMs.toFixed(0)} ms, longest frame gap ${m.maxFrameGapMs.toFixed(0)} ms, over ${(m.wallMs / 1000).toFixed(1)} s`
}

/**
 * Serve mode on `workspace` and a Chromium page on it (1280×800, long tasks recorded from its first
 * script); runs `work`, then closes the browser, stops the server and removes the workspace. Says
 * so and does nothing where there is no Chromium.
 */
export async function withServedPage(
  what: string,
  workspace: string,
  token: string,
  work: (page: Page) => Promise<void>,
): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`${what}: skipped (no Chromium at ${CHROMIUM}; set MINDX_CHROMIUM)`)
    await rm(workspace, { recursive: true, force: true })
    return
  }
  const server = await startServe(workspace, token)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await recordLongTasks(page)
    await page.goto(server.url)
    await work(page)
  } finally {
    await browser.close()
    server.stop()
    await rm(workspace, { recursive: true, force: true })
  }
}

/**
 * Evaluates `expression` (page-side text, as the app's CSP forbids waitForFunction's eval) every
 * 250 ms until it is true; throws after `timeoutMs` naming `what` did not happen.
 */
export async function pollUntil(
  page: Page,
  expression: string,
  timeoutMs: number,
  what: string,
): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    if (await page.evaluate(expression)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`)
}
