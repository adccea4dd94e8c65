// `npm run bench` (app part): the renderer bundle, serve mode's start → first paint in Chromium against
// the same page from a bare static server, and serve mode's idle RSS after every screen; with budgets.
import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, rendererBuildIsStale } from '../src/main/serve/renderer-build'
import { bundleLines, kb, measureRendererBundle } from './app-bundle'
import { measureFirstPaint } from './app-first-paint'
import { NAV_ITEMS } from '../e2e/web/e2e-constants'
import { measureIdleMemory } from './app-memory'
import { mb } from './app-processes'
import { CHROMIUM } from './browser-measure'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'out', 'renderer')
const TOKEN = 'bench-app-startup-token'
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5)

/** Budgets from what this machine measured (see the README's Development section). */
export const BUDGETS = {
  firstPaintMs: 1500,
  idleRssBytes: 120 * 1024 * 1024,
  entryChunkBytes: 400 * 1024,
  initialJsGzipBytes: 125 * 1024,
}

function verdict(name: string, value: string, budget: string, ok: boolean): string {
  return `  budget ${name}: ${value} — ≤ ${budget} — ${ok ? 'ok' : 'OVER BUDGET'}`
}

const ms = (value: number) => `${value.toFixed(0)} ms`

async function main(): Promise<void> {
  if (await rendererBuildIsStale(ROOT)) {
    console.error('Building the app (electron-vite build)…')
    await buildApp(ROOT)
  }
  const bundle = await measureRendererBundle(OUT)
  console.log('app bundle (out/renderer, minified)')
  for (const line of bundleLines(bundle)) console.log(`  ${line}`)
  console.log(
    verdict(
      'entry chunk',
      kb(bundle.entry.bytes),
      kb(BUDGETS.entryChunkBytes),
      bundle.entry.bytes <= BUDGETS.entryChunkBytes,
    ),
  )
  console.log(
    verdict(
      'JS before first render (gzip)',
      kb(bundle.initial.gzipBytes),
      kb(BUDGETS.initialJsGzipBytes),
      bundle.initial.gzipBytes <= BUDGETS.initialJsGzipBytes,
    ),
  )

  if (!existsSync(CHROMIUM)) {
    console.log(`app start-up and memory: skipped (no Chromium at ${CHROMIUM}; set MINDX_CHROMIUM)`)
    return
  }
  const workspace = await mkdtemp(join(tmpdir(), 'mindx-bench-app-'))
  // Nothing listens on port 9: the status bar's Ollama check fails at once, as on a machine without it.
  await writeFile(
    join(workspace, 'mindx_config.json'),
    JSON.stringify({ llm: { ollama: { base_url: 'http://127.0.0.1:9' } } }),
  )
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const options = { workspace, token: TOKEN, staticDir: OUT }
    const paint = await measureFirstPaint(browser, { ...options, rounds: ROUNDS })
    const { serve, static: bare } = paint
    console.log(`app start-up: process start → Chromium paints (median of ${paint.rounds})`)
    console.log(
      `  npm run serve: ready ${ms(serve.readyMs)} (${ms(serve.readyCpuMs)} CPU), first paint ${ms(serve.firstPaintMs)}, first contentful paint ${ms(serve.firstContentfulPaintMs)}, first screen's heading ${ms(serve.headingMs)}`,
    )
    console.log(
      `  baseline, the same page from a bare static server: ready ${ms(bare.readyMs)} (${ms(bare.readyCpuMs)} CPU), first paint ${ms(bare.firstPaintMs)}, first contentful paint ${ms(bare.firstContentfulPaintMs)}, heading ${ms(bare.headingMs)}`,
    )
    console.log(
      `  ratio serve / static: first paint ${(serve.firstPaintMs / bare.firstPaintMs).toFixed(2)}×, first contentful paint ${(serve.firstContentfulPaintMs / bare.firstContentfulPaintMs).toFixed(2)}×; page only (ready → first paint) ${ms(serve.firstPaintMs - serve.readyMs)} vs ${ms(bare.firstPaintMs - bare.readyMs)}`,
    )
    console.log(
      verdict(
        'first paint',
        ms(serve.firstPaintMs),
        ms(BUDGETS.firstPaintMs),
        serve.firstPaintMs <= BUDGETS.firstPaintMs,
      ),
    )

    const memory = await measureIdleMemory(browser, { ...options, idleMs: 3000 })
    console.log(
      `app memory: serve process RSS at idle (${memory.idleMs / 1000} s) after visiting ${NAV_ITEMS.length} screens`,
    )
    console.log(
      `  serve process ${mb(memory.serveRss)} (${(memory.serveRss / memory.bareRss).toFixed(2)}× a bare node:http server's ${mb(memory.bareRss)}); npm and sh above it ${mb(memory.wrappersRss)}`,
    )
    console.log(
      verdict(
        'idle RSS',
        mb(memory.serveRss),
        mb(BUDGETS.idleRssBytes),
        memory.serveRss <= BUDGETS.idleRssBytes,
      ),
    )
  } finally {
    await browser.close()
    await rm(workspace, { recursive: true, force: true })
  }
}

await main()
