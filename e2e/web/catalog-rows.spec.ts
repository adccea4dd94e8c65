// Cloud Run models rows in Chromium over serve mode: Make default on a model the host lacks (say so,
// Pull, then make it the default), a pull the library lacks (said in words, Retry), Chat from a row.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { callApi, keepFactoryJson, openScreen, readFactoryJson } from './studio-helpers'

const TINY = { id: 'gemma3_tiny', ollama_name: 'gemma3:1b', type: 'general' }
const kept = keepFactoryJson()

test.afterAll(async ({ request }) => {
  await callApi(request, 'ollama:delete', { name: TINY.ollama_name }).catch(() => undefined)
  await callApi(request, 'ollama:clearPulls', {}).catch(() => undefined)
})

const rowOf = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Cloud Run friendly models' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) })

test('Make default on a model the host lacks says so; Pull brings it in, then it becomes the default', async ({
  page,
  request,
}, testInfo) => {
  await callApi(request, 'catalog:saveEntry', {
    tier: 'good_fit',
    entry: { ...TINY, est_memory_needed_gb: 1.5 },
  })
  await page.setViewportSize({ width: 900, height: 700 })
  await openScreen(page, 'Cloud Run models')
  await rowOf(page, TINY.ollama_name)
    .getByRole('button', { name: `Make default ${TINY.ollama_name}` })
    .click()
  const notice = page.getByRole('status').filter({ hasText: 'isn’t installed on' })
  await expect(notice).toContainText(`${TINY.ollama_name} isn’t installed on http://127.0.0.1:`)
  expect(await readFactoryJson(kept.workspace)).not.toContain(
    `"default_model_override": "${TINY.ollama_name}"`,
  )
  await notice.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('catalog-not-installed-900.png') })
  const box = await notice.getByRole('button', { name: 'Pull now' }).boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(900)

  await notice.getByRole('button', { name: 'Pull now' }).click()
  const installed = page.getByRole('status').filter({ hasText: 'is installed on' })
  await expect(installed).toBeVisible({ timeout: 15_000 })
  await installed.getByRole('button', { name: `Make ${TINY.ollama_name} the default` }).click()
  await expect(rowOf(page, TINY.ollama_name).getByText('Ollama default')).toBeVisible()
  expect(await readFactoryJson(kept.workspace)).toContain(
    `"default_model_override": "${TINY.ollama_name}"`,
  )
  await expect(page.getByText('is installed on')).toHaveCount(0)
})

test('a pull of a name the library lacks says so under the row, and offers Retry', async ({
  page,
}) => {
  await openScreen(page, 'Cloud Run models')
  const row = rowOf(page, 'gemma:2b')
  await row.getByRole('button', { name: 'Pull gemma:2b' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Model gemma:2b was not found in the Ollama library',
  )
  await expect(row.getByRole('button', { name: 'Retry the pull of gemma:2b' })).toBeEnabled()
})

test('Chat on a catalog row opens the Playground with Ollama and that model', async ({ page }) => {
  await openScreen(page, 'Cloud Run models')
  await rowOf(page, 'phi3:mini').getByRole('button', { name: 'Chat with phi3:mini' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Provider', exact: true })).toHaveValue('ollama')
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('phi3:mini')
})
