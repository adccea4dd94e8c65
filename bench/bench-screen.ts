// `npm run bench` (Bench screen part): a 1,000-call Mock run at concurrency 8 shown live in the Bench
// screen in Chromium (serve mode); reports long tasks against the 200 ms target, and the idle page.
import type { Page } from '@playwright/test'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { line, measure, pollUntil, withServedPage } from './browser-measure'

const TOKEN = 'bench-screen-token'
const CASES = 10
const MODELS = ['mock/mock-model', 'mock/mock-json']
const REPEATS = 50
const CALLS = CASES * MODELS.length * REPEATS
const LONG_TASK_TARGET_MS = 200

function suiteYaml(): string {
  const cases = Array.from(
    { length: CASES },
    (_, i) =>
      `  - id: case-${i + 1}\n    prompt: Benchmark prompt number ${i + 1}\n    checks:\n      - type: contains\n        value: number ${i + 1}\n`,
  ).join('')
  return `name: Thousand calls\ntask_type: speed_sensitive\nmodels: [${MODELS.join(', ')}]\nrepeats: ${REPEATS}\nconcurrency: 8\ncases:\n${cases}`
}

/** Polls a cheap selector (text locators walk the DOM and would show up as long tasks themselves). */
async function runFinished(page: Page): Promise<void> {
  const done = `(() => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent === 'Run done: ${CALLS} of ${CALLS} calls'))()`
  await pollUntil(page, done, 180_000, 'the run did not finish')
}

async function main(): Promise<void> {
  const workspace = await mkdtemp(join(tmpdir(), 'mindx-bench-screen-'))
  await mkdir(join(workspace, 'bench'))
  await writeFile(join(workspace, 'bench', 'thousand.yaml'), suiteYaml())
  // A fast provider's pace: a few ms to the first chunk, chunks 1 ms apart.
  await writeFile(
    join(workspace, 'mindx_config.json'),
    JSON.stringify({ llm: { mock: { latency_ms: 3, chunk_delay_ms: 1 } } }),
  )
  await withServedPage('bench screen', workspace, TOKEN, async (page) => {
    await page.getByRole('button', { name: 'Bench', exact: true }).click()
    await page
      .getByRole('region', { name: 'Suites' })
      .getByRole('button', { name: 'Thousand calls' })
      .click()
    await page
      .getByRole('button', { name: 'Run', exact: true })
      .and(page.locator(':enabled'))
      .waitFor()
    const idle = await measure(page, () => page.waitForTimeout(2000))
    const run = await measure(page, async () => {
      await page.getByRole('button', { name: 'Run', exact: true }).click()
      await runFinished(page)
    })
    const verdict = run.maxMs <= LONG_TASK_TARGET_MS ? 'ok' : 'OVER TARGET'
    console.log(`bench screen (${CALLS} Mock calls at concurrency 8, results and charts live)`)
    console.log(
      `  ${line('run', run)} — max long task target ≤ ${LONG_TASK_TARGET_MS} ms — ${verdict}`,
    )
    console.log(`  ${line('baseline: idle page', idle)}`)
  })
}

await main()
