// The main journeys in a 900×700 window: long names wrap, row actions stay in view, and no screen
// scrolls the page sideways (the app's own scroll box, nor the document).
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { E2E_CONTROL_PORT_OFFSET, E2E_LAB_OLLAMA, E2E_LONG_MODEL_NAME } from './e2e-constants'
import { E2E_CHAT_CONTROL_PORT_OFFSET } from './chat-fake-control'
import { callApi, forgetConversations, openScreen } from './studio-helpers'

const LONG_ID = 'narrow_window_long_name'

test.use({ viewport: { width: 900, height: 700 } })

/** Neither the page (scrollingElement.scrollWidth <= clientWidth) nor the content area scrolls sideways. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    const content = document.querySelector('main.content')
    return {
      document: Math.max(0, root.scrollWidth - root.clientWidth),
      content: content ? Math.max(0, content.scrollWidth - content.clientWidth) : 0,
    }
  })
  expect(overflow).toEqual({ document: 0, content: 0 })
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

test('Providers: select a provider and test its connection', async ({ page, request }) => {
  // An earlier spec's 429 can leave Groq cooling down (by design): test it afresh.
  await callApi(request, 'providers:resetHealth', {})
  await openScreen(page, 'Providers')
  await expectNoHorizontalOverflow(page)
  await page
    .getByRole('listbox', { name: 'Provider list' })
    .getByRole('option', { name: 'Groq', exact: true })
    .click()
  const groq = page.getByRole('article', { name: 'Groq', exact: true })
  await expect(groq).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await groq.getByRole('button', { name: 'Test connection' }).click()
  await expect(groq.getByRole('status')).toContainText(/Connected in \d+ ms/)
  await expectNoHorizontalOverflow(page)
  await expectInView(page, 'Test connection')
})

test('Config: edit a field in the form and save; the JSON view fits too', async ({
  page,
  request,
}) => {
  const before = await callApi<{ text: string }>(request, 'config:read')
  try {
    await openScreen(page, 'Config')
    await expectNoHorizontalOverflow(page)
    const model = page.getByRole('textbox', { name: 'together model override' })
    await model.fill('narrow-window-model')
    await model.press('Enter')
    await expect(page.getByText('Unsaved changes')).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText('Saved.', { exact: false })).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await page.getByRole('tab', { name: 'JSON' }).click()
    await expectNoHorizontalOverflow(page)
  } finally {
    // The workspace is shared with the other specs: put the file back as it was.
    const now = await callApi<{ revision: string }>(request, 'config:read')
    await callApi(request, 'config:save', { text: before.text, baseRevision: now.revision })
  }
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

test('Bench: pick a suite and run it; the results table and charts fit', async ({
  page,
  request,
  baseURL,
}) => {
  await callApi(request, 'providers:resetHealth', {})
  const chatControl = Number(new URL(baseURL ?? '').port) + E2E_CHAT_CONTROL_PORT_OFFSET
  await request.post(`http://127.0.0.1:${chatControl}/chat/groq/reset`, { data: {} })
  await openScreen(page, 'Bench')
  await expectNoHorizontalOverflow(page)
  await page
    .getByRole('region', { name: 'Suites' })
    .getByRole('button', { name: 'Coding basics', exact: true })
    .click()
  await expect(page.getByRole('status').filter({ hasText: 'Valid suite' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(
    page.getByRole('region', { name: 'Run', exact: true }).getByRole('status'),
  ).toHaveText(/^Run done: 16 of 16 calls/, { timeout: 20_000 })
  await expect(page.getByRole('figure', { name: 'Pass rate by model' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
})
