// Cloud Run models in Chromium over serve mode: the pick and its reason, filters, sort, entry edits,
// Make default (checked with the CLI), Pull with progress, reordering; screenshot.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import {
  callApi,
  keepFactoryJson,
  openScreen,
  readFactoryJson,
  SCREENSHOT_DIR,
} from './studio-helpers'

const kept = keepFactoryJson()

test.afterAll(async ({ request }) => {
  await callApi(request, 'ollama:delete', { name: 'qwen2.5:0.5b' }).catch(() => undefined)
})

/** What the CLI resolves for Ollama in the e2e workspace (a separate process, as a user would run it). */
function cliOllamaModel(): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(MINDX_|GEMINI_|GROQ_|OLLAMA_)/.test(name)),
  )
  const result = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'cli',
      '--',
      'resolve',
      '--workspace',
      kept.workspace,
      '--provider',
      'ollama',
      '--json',
    ],
    { cwd: join(import.meta.dirname, '..', '..'), env, encoding: 'utf8' },
  )
  expect(result.status, result.stderr).toBe(0)
  return (JSON.parse(result.stdout) as { model: string }).model
}

const table = (page: Page) => page.getByRole('table', { name: 'Cloud Run friendly models' })
const rowOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) })

test('the factory pick is marked with its reason; filters, search and sort narrow the table', async ({
  page,
}) => {
  await openScreen(page, 'Cloud Run models')
  const picked = rowOf(page, 'codegemma:7b-it')
  await expect(picked).toContainText('factory pick')
  await expect(picked).toContainText(
    'first coding preference found in the catalog (codegemma_7b_py)',
  )
  await expect(rowOf(page, 'phi3:mini').getByRole('cell').nth(5)).toHaveText('yes')

  await page.getByLabel('Type').selectOption('coding')
  await expect(table(page).getByRole('rowheader')).toHaveCount(2)
  await expect(table(page).getByRole('rowheader')).toContainText([
    'codegemma:7b-it',
    'codegemma:2b',
  ])
  await page.getByLabel('Type').selectOption('')
  await page.getByLabel('Memory budget').selectOption('4')
  await expect(table(page).getByRole('rowheader')).toHaveCount(3)
  await expect(page.getByText('3 of 6 models')).toBeVisible()
  await page.getByLabel('Memory budget').selectOption('')
  await page.getByLabel('Search').fill('mistral')
  await expect(table(page).getByRole('rowheader')).toHaveCount(1)
  await expect(table(page).getByRole('rowheader')).toContainText('mistral:7b')
  await page.getByLabel('Search').fill('')

  await table(page).getByRole('button', { name: 'Memory' }).click()
  await expect(table(page).getByRole('columnheader', { name: 'Memory' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(table(page).getByRole('rowheader').first()).not.toContainText('codegemma:7b-it')
  await table(page).getByRole('button', { name: 'Memory' }).click()
  await expect(table(page).getByRole('columnheader', { name: 'Memory' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
})

test('Make default writes default_model_override and changes what the CLI resolves', async ({
  page,
}) => {
  expect(cliOllamaModel()).toBe('codegemma:7b-it')
  await openScreen(page, 'Cloud Run models')
  await rowOf(page, 'mistral:7b')
    .getByRole('button', { name: /Make default/ })
    .click()
  // The fake host does not have it: the row says so first (catalog-rows.spec has the Pull path).
  await page.getByRole('button', { name: 'Make default anyway' }).click()
  await expect(rowOf(page, 'mistral:7b').getByText('Ollama default')).toBeVisible()
  expect(await readFactoryJson(kept.workspace)).toContain('"default_model_override": "mistral:7b"')
  expect(cliOllamaModel()).toBe('mistral:7b')
  await page.getByRole('button', { name: 'Clear default' }).click()
  await expect(rowOf(page, 'mistral:7b').getByText('Ollama default')).toHaveCount(0)
  expect(cliOllamaModel()).toBe('codegemma:7b-it')
})

test('add an entry, pull it with progress, edit it, reorder, remove it (with confirmation)', async ({
  page,
}) => {
  await openScreen(page, 'Cloud Run models')
  await page.getByRole('button', { name: 'Add model' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a model' })
  await dialog.getByLabel('ID').fill('qwen_tiny')
  await dialog.getByLabel('Ollama name').fill('qwen2.5:0.5b')
  await dialog.getByLabel('Type', { exact: true }).fill('coding')
  // Nothing is flagged before a field is left; leaving a bad value flags it.
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByLabel('Memory needed (GB)').fill('abc')
  await dialog.getByLabel('Memory needed (GB)').press('Tab')
  await expect(dialog.getByRole('alert')).toContainText('Enter the memory needed in GB')
  await dialog.getByLabel('Memory needed (GB)').fill('1.5')
  await dialog.getByRole('button', { name: 'Add model' }).click()
  await expect(dialog).toHaveCount(0)
  const row = rowOf(page, 'qwen2.5:0.5b')
  await expect(row).toContainText('config')
  expect(await readFactoryJson(kept.workspace)).toContain('"id": "qwen_tiny"')

  await row.getByRole('button', { name: /^Pull/ }).click()
  await expect(row.getByRole('cell').nth(5)).toHaveText('yes', { timeout: 15_000 })

  await row.getByRole('button', { name: /^Edit/ }).click()
  const edit = page.getByRole('dialog', { name: 'Edit qwen_tiny' })
  await edit.getByLabel('Notes').fill('tiny but quick')
  await edit.getByRole('button', { name: 'Save entry' }).click()
  await expect(edit).toHaveCount(0)
  expect(await readFactoryJson(kept.workspace)).toContain('"notes": "tiny but quick"')

  // Put it first in the coding order: the factory pick moves to it.
  await page.getByLabel('Add to coding order').selectOption('qwen_tiny')
  await page
    .getByRole('region', { name: 'Preference orders' })
    .getByRole('button', { name: 'Add' })
    .first()
    .click()
  const coding = page.getByRole('list', { name: 'Coding preference order' })
  await expect(coding.getByRole('listitem').last()).toContainText('qwen_tiny')
  for (let i = 0; i < 3; i += 1)
    await page.getByRole('button', { name: 'Move qwen_tiny up' }).click()
  await expect(coding.getByRole('listitem').first()).toContainText('qwen_tiny')
  await expect(row).toContainText('factory pick')
  expect(cliOllamaModel()).toBe('qwen2.5:0.5b')

  await page.getByRole('heading', { level: 1 }).focus()
  await page.setViewportSize({ width: 1600, height: 1000 })
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0))
  await page.locator('.catalog-table-wrap').evaluate((wrap) => wrap.scrollTo(0, 0))
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'cloud-run-models.png'),
    animations: 'disabled',
  })

  await row.getByRole('button', { name: /^Remove/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Remove qwen_tiny?' })
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(rowOf(page, 'qwen2.5:0.5b')).toHaveCount(0)
  expect(await readFactoryJson(kept.workspace)).not.toContain('qwen_tiny"')
})
