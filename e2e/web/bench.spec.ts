// The Bench screen in Chromium over serve mode: a shipped suite over the Groq fake and the Mock, progress,
// table and charts, Cancel closing the open requests, compare two runs, task_scores through the diff.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_GROQ_KEY } from '../../test/fakes/groq-server'
import { control } from './chat-steps'
import { E2E_TOKEN } from './e2e-constants'
import { callApi, SCREENSHOT_DIR, workspaceOf } from './studio-helpers'

const GROQ_REPLY =
  'SELECT COUNT(*) FROM users WHERE active;\n\ndef add(a, b):\n    return a + b\n\nfn main() { println!("hello, bench"); }'

async function openBench(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.keyboard.press('Control+6')
  await expect(page.getByRole('heading', { level: 1, name: 'Bench' })).toBeFocused()
  await page
    .getByRole('region', { name: 'Suites' })
    .getByRole('button', { name: 'Coding basics', exact: true })
    .click()
  await expect(page.getByRole('status').filter({ hasText: 'Valid suite' })).toContainText(
    '4 cases × 2 models × 2 repeats = 16 calls',
  )
  return problems
}

const results = (page: Page) => page.getByRole('region', { name: 'Results' })
const runStatus = (page: Page) =>
  page.getByRole('region', { name: 'Run', exact: true }).getByRole('status')

test.beforeEach(async ({ request }) => {
  await control(request, 'groq/reset')
})

test('runs a shipped suite over groq and mock: progress, table, charts (screenshot)', async ({
  page,
  request,
}) => {
  const problems = await openBench(page)
  await control(request, 'groq/reply', { text: GROQ_REPLY })
  // Groq's answers pause after their first chunk, so the run is seen in flight.
  await control(request, 'groq/hold', { after: 1 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const progress = page.getByRole('progressbar', { name: 'Run progress' })
  await expect(progress).toBeVisible()
  await expect(page.getByLabel('Current calls')).toContainText('groq/llama-3.1-8b-instant')
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeEnabled()
  // The Mock's calls finish while Groq's are held: results fill in live.
  await expect(progress).toHaveAttribute('aria-valuetext', /^[1-9]\d* of 16 calls$/)
  await expect(
    results(page)
      .getByRole('row', { name: /mock\/mock-model/ })
      .getByRole('cell')
      .first(),
  ).not.toHaveText('0')
  await control(request, 'groq/release')
  await expect(runStatus(page)).toHaveText('Run done: 16 of 16 calls')

  const table = results(page).getByRole('table', { name: 'Per model' })
  await expect(table.getByRole('row', { name: /groq\/llama-3\.1-8b-instant/ })).toContainText('75%')
  await expect(table.getByRole('row', { name: /mock\/mock-model/ })).toContainText('50%')
  await expect(
    page.getByRole('figure', { name: 'Pass rate by model' }).locator('canvas'),
  ).toBeVisible()
  await expect(
    page.getByRole('figure', { name: 'Pass rate against total time' }).locator('canvas'),
  ).toBeVisible()
  await page
    .getByRole('combobox', { name: 'Metric' })
    .selectOption({ label: 'Total time (median)' })
  await expect(page.getByRole('figure', { name: 'Total time (median) by model' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Metric' }).selectOption({ label: 'Pass rate' })

  // The saved run holds the resolved base URL, never the key.
  const runs = await callApi<{ id: string }[]>(request, 'bench:runs')
  const saved = readFileSync(
    join(await workspaceOf(request), '.mindx', 'bench', `${runs[0]!.id}.json`),
    'utf8',
  )
  expect(saved).toContain('"baseUrl"')
  expect(saved).not.toContain(DEFAULT_GROQ_KEY)

  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.mouse.move(0, 0)
  await page.setViewportSize({ width: 1280, height: 980 })
  await page.getByRole('region', { name: 'Run', exact: true }).evaluate((el) => el.scrollIntoView())
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'bench.png') })
  expect(problems).toEqual([])
})

test('Cancel stops a run and closes the open requests', async ({ page, request }) => {
  await openBench(page)
  await control(request, 'groq/hold', { after: 1 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByLabel('Current calls')).toContainText('groq/')
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(runStatus(page)).toHaveText(/^Run cancelled: \d+ of 16 calls$/)
  const last = (await control(request, 'groq/last-chat')) as {
    settled: boolean
    closedEarly: boolean
  }
  expect(last).toMatchObject({ settled: true, closedEarly: true })
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveCount(0)
})

test('compares two past runs', async ({ page, request }) => {
  await openBench(page)
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(runStatus(page)).toHaveText('Run done: 16 of 16 calls')
  }
  const checks = page.getByRole('region', { name: 'Past runs' }).getByRole('checkbox')
  // The list refreshes after "Run done": tick only once it holds every saved run, or a late refresh
  // shifts the rows under the second tick.
  const saved = await callApi<unknown[]>(request, 'bench:runs')
  await expect(checks).toHaveCount(saved.length)
  await checks.nth(0).check()
  await checks.nth(1).check()
  await expect(checks.nth(0)).toBeChecked()
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  const table = page.getByRole('table', { name: 'Run comparison' })
  await expect(table.getByRole('row', { name: /mock\/mock-model/ })).toContainText('50%')
  await expect(table.getByRole('row', { name: /groq\/llama-3\.1-8b-instant/ })).toBeVisible()
  await page.getByRole('button', { name: 'Close compare' }).click()
  await expect(results(page)).toBeVisible()
  expect((await callApi<unknown[]>(request, 'bench:runs')).length).toBeGreaterThanOrEqual(2)
})

test('writes task_scores into models/<provider>.yaml through the diff, keeping comments', async ({
  page,
  request,
}) => {
  const workspace = await workspaceOf(request)
  const groqYaml = join(workspace, 'models', 'groq.yaml')
  mkdirSync(join(workspace, 'models'), { recursive: true })
  const before =
    '# Groq models (mindX keyed shape)\ngroq/llama-3.1-8b-instant:\n  task_scores:\n    reasoning: 0.70  # hand-typed\n    code_generation: 0.10\n  api_name: llama-3.1-8b-instant\n'
  writeFileSync(groqYaml, before)
  await openBench(page)
  await control(request, 'groq/reply', { text: GROQ_REPLY })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(runStatus(page)).toHaveText('Run done: 16 of 16 calls')
  await page.getByRole('button', { name: 'Write task_scores' }).click()
  const dialog = page.getByRole('dialog', { name: 'Write task_scores' })
  const groqDiff = dialog.getByRole('region', { name: `Changes to ${groqYaml}` })
  await expect(groqDiff).toContainText('llama-3.1-8b-instant: 0.1 → 0.75')
  await expect(groqDiff).toContainText('-     code_generation: 0.10')
  await expect(groqDiff).toContainText('+     code_generation: 0.75')
  // Nothing is written before the confirmation.
  expect(readFileSync(groqYaml, 'utf8')).toBe(before)
  await dialog.getByRole('button', { name: 'Write' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'task_scores written' })).toBeVisible()
  expect(readFileSync(groqYaml, 'utf8')).toBe(
    before.replace('code_generation: 0.10', 'code_generation: 0.75'),
  )
  expect(readFileSync(`${groqYaml}.bak`, 'utf8')).toBe(before)
})
