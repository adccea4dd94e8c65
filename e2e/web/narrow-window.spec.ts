// The main journeys in a 900×700 window: long names wrap, row actions stay in view, and no screen
// scrolls the page sideways (the app's own scroll box, nor the document).
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { E2E_CONTROL_PORT_OFFSET, E2E_LAB_OLLAMA, E2E_LONG_MODEL_NAME } from './e2e-constants'
import { callApi, forgetConversations, openScreen } from './studio-helpers'

const LONG_ID = 'narrow_window_long_name'

test.use({ viewport: { width: 900, height: 700 } })

/** Neither the document nor the content area scrolls sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const root = document.documentElement
    const content = document.querySelector('main.content')
    return {
      document: root.scrollWidth - root.clientWidth,
      content: content ? content.scrollWidth - content.clientWidth : 0,
    }
  })
  expect(widths).toEqual({ document: 0, content: 0 })
}

/** The whole control is inside the window (not clipped off its right edge). */
async function expectInView(page: Page, name: RegExp | string): Promise<void> {
  const box = await page.getByRole('button', { name }).first().boundingBox()
  expect(box, String(name)).not.toBeNull()
  expect(box!.x + box!.width).toBeLessThanOrEqual(900)
}

async function labUrl(request: APIRequestContext, baseURL: string | undefined): Promise<string> {
  const port = Number(new URL(baseURL ?? '').port) + E2E_CONTROL_PORT_OFFSET
  const fakes = await request.get(`http://127.0.0.1:${port}/fakes`)
  return ((await fakes.json()) as Record<string, string>)[E2E_LAB_OLLAMA] ?? ''
}

test.afterAll(async ({ request }) => {
  await callApi(request, 'catalog:removeEntry', { id: LONG_ID }).catch(() => undefined)
  // The Playground specs start from their own conversations (and take screenshots of the list).
  await forgetConversations(request)
  await callApi(request, 'ollama:saveHosts', { hosts: [] })
})

test('Providers and Config fit a 900 px window', async ({ page }) => {
  await openScreen(page, 'Providers')
  await expect(page.getByRole('article', { name: 'Groq' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Config' })
    .click()
  await expect(page.getByRole('tab', { name: 'Form' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await page.getByRole('tab', { name: 'JSON' }).click()
  await expectNoHorizontalOverflow(page)
})

test('Cloud Run models: a long name wraps and the row actions stay in view', async ({
  page,
  request,
}) => {
  await callApi(request, 'catalog:saveEntry', {
    tier: 'good_fit',
    entry: {
      id: LONG_ID,
      ollama_name: E2E_LONG_MODEL_NAME,
      type: 'coding',
      est_memory_needed_gb: 12,
    },
  })
  await openScreen(page, 'Cloud Run models')
  await expect(page.getByRole('row', { name: new RegExp(LONG_ID) })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await expectInView(page, `Make default ${E2E_LONG_MODEL_NAME}`)
  await expectInView(page, `Remove ${LONG_ID}`)
})

test('Local models: a long installed name wraps and Delete stays in view', async ({
  page,
  request,
  baseURL,
}) => {
  const lab = await labUrl(request, baseURL)
  await callApi(request, 'ollama:saveHosts', { hosts: [{ url: lab, label: 'Lab' }], selected: lab })
  await openScreen(page, 'Local models')
  const table = page.getByRole('table', { name: 'Installed models' })
  if ((await table.getByRole('row', { name: new RegExp(E2E_LONG_MODEL_NAME) }).count()) === 0) {
    await page.getByLabel('Model name').fill(E2E_LONG_MODEL_NAME)
    await page.getByRole('button', { name: 'Pull', exact: true }).click()
  }
  const row = table.getByRole('row', { name: new RegExp(E2E_LONG_MODEL_NAME) })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await expectNoHorizontalOverflow(page)
  const del = row.getByRole('button', { name: 'Delete' })
  const box = await del.boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(900)
  await expect(row.getByRole('button', { name: E2E_LONG_MODEL_NAME })).toHaveAttribute(
    'title',
    E2E_LONG_MODEL_NAME,
  )
})

test('Playground: chat and Compare with four columns fit; stats do not break names', async ({
  page,
}) => {
  await openScreen(page, 'Playground')
  await page.getByRole('combobox', { name: 'Provider' }).selectOption('mock')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('hello')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(
    page.getByRole('region', { name: 'Response', exact: true }).getByLabel('Answer metrics').last(),
  ).toBeVisible()
  await expectNoHorizontalOverflow(page)

  await page.getByRole('button', { name: 'Compare' }).click()
  for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: 'Add model' }).click()
  await expect(page.getByRole('region', { name: /^Column \d$/ })).toHaveCount(4)
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('hi')
  await page.getByRole('button', { name: 'Send' }).click()
  const metrics = page.getByLabel('Answer metrics')
  await expect(metrics).toHaveCount(4)
  await expectNoHorizontalOverflow(page)
  // A model name is never split across lines: each column's model is one line high.
  const models = page.locator('.compare-column .metric-model')
  await expect(models).toHaveCount(4)
  const splitNames = await models.evaluateAll(
    (spans) =>
      spans.filter(
        (span) => new Set([...span.getClientRects()].map((r) => Math.round(r.top))).size > 1,
      ).length,
  )
  expect(splitNames).toBe(0)
})
