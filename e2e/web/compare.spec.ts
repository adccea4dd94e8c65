// Compare in Chromium over serve mode: columns and answers survive a reload, and a model list that
// never comes ends in an error with Retry while the column stays usable (free-text model).
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { ask } from './chat-steps'
import { E2E_CHAT_CONTROL_PORT_OFFSET } from './chat-fake-control'
import { E2E_CONTROL_PORT_OFFSET, E2E_DEFAULT_MODEL, E2E_TOKEN } from './e2e-constants'
import { callApi, forgetConversations } from './studio-helpers'

const PORT = Number(process.env.MINDX_E2E_PORT ?? 5797)
/** Gemini's model listing, which the hanging-list test holds. */
const GEMINI_MODELS_PATH = '/v1beta/models'

async function fake(request: APIRequestContext, url: string) {
  const response = await request.post(url)
  expect(response.ok(), await response.text()).toBe(true)
}
const geminiControl = (request: APIRequestContext, verb: string, query = '') =>
  fake(request, `http://127.0.0.1:${PORT + E2E_CONTROL_PORT_OFFSET}/fakes/gemini/${verb}${query}`)
const groqReset = (request: APIRequestContext) =>
  fake(request, `http://127.0.0.1:${PORT + E2E_CHAT_CONTROL_PORT_OFFSET}/chat/groq/reset`)

async function openCompare(page: Page, request: APIRequestContext): Promise<string[]> {
  await groqReset(request)
  await callApi(request, 'providers:resetHealth', {})
  await forgetConversations(request)
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('combobox', { name: 'Model (column 1)' })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  return problems
}

const column = (page: Page, n: number) => page.getByRole('region', { name: `Column ${n}` })

test.afterEach(async ({ request }) => {
  await geminiControl(request, 'release')
  await forgetConversations(request)
})

test('a reload brings back Compare with its columns, prompt and answers', async ({
  page,
  request,
}) => {
  const problems = await openCompare(page, request)
  // The seeded second column lists Mock's models on its own (it used to wait forever).
  await expect(page.getByRole('combobox', { name: 'Model (column 2)' })).toHaveValue('mock-model')
  await page.getByRole('button', { name: 'Add model' }).click()
  await page.getByRole('combobox', { name: 'Provider (column 3)' }).selectOption('mock')
  await page.getByRole('combobox', { name: 'Model (column 3)' }).fill('mock-json')
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('0.4')
  await ask(page, 'Name three rivers.')
  const mockAnswer = page.getByRole('region', { name: 'Response from mock · mock-model' })
  await expect(mockAnswer.getByLabel('Answer metrics')).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: `Response from groq · ${E2E_DEFAULT_MODEL}` })
      .getByLabel('Answer metrics'),
  ).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: 'Response from mock · mock-json' })
      .getByLabel('Answer metrics'),
  ).toBeVisible()
  const answered = await mockAnswer.innerText()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Compare' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.locator('q.compare-asked')).toHaveText('Name three rivers.')
  await expect(page.getByText(/temperature 0\.4/)).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Model (column 1)' })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await expect(page.getByRole('combobox', { name: 'Model (column 3)' })).toHaveValue('mock-json')
  await expect(mockAnswer.getByLabel('Answer metrics')).toBeVisible()
  expect(await mockAnswer.innerText()).toBe(answered)
  const stored = await page.evaluate(() => JSON.stringify(localStorage))
  expect(stored).toContain('Name three rivers.')
  expect(stored).not.toMatch(/gsk_|api[_-]?key/i)
  expect(problems).toEqual([])
})

test('a model list that never answers ends in an error with Retry, and the column stays usable', async ({
  page,
  request,
}) => {
  // Past the default 30 s: the 10 s bound is awaited once, on a machine shared with others.
  test.setTimeout(60_000)
  const problems = await openCompare(page, request)
  await geminiControl(request, 'hang', `?path=${GEMINI_MODELS_PATH}`)
  await page.getByRole('combobox', { name: 'Provider (column 2)' }).selectOption('gemini')
  await expect(page.getByRole('combobox', { name: 'Model (column 2)' })).toContainText(
    'Loading models…',
  )
  // The bound is 10 s: the UI is awaited past it, nothing sleeps.
  await expect(column(page, 2).getByText(/gemini did not list its models within 10 s/)).toBeVisible(
    { timeout: 20_000 },
  )
  const model = page.getByRole('combobox', { name: 'Model (column 2)' })
  await expect(model).toBeEditable()
  await model.fill('gemini-2.5-flash')

  await column(page, 2).getByRole('button', { name: 'Retry listing models (column 2)' }).click()
  await expect(model).toContainText('Loading models…')
  await geminiControl(request, 'release')
  await expect(column(page, 2).getByText(/did not list its models/)).toHaveCount(0)
  await expect(model).toHaveValue('gemini-2.5-flash')
  await expect(page.locator('#compare-model-2-list option[value="gemini-2.5-pro"]')).toHaveCount(1)
  expect(problems).toEqual([])
})

test('four columns at 1280 and 900 px keep their figures whole (screenshots to look at)', async ({
  page,
  request,
}, testInfo) => {
  await openCompare(page, request)
  for (const n of [3, 4]) {
    await page.getByRole('button', { name: 'Add model' }).click()
    await page.getByRole('combobox', { name: `Provider (column ${n})` }).selectOption('mock')
  }
  await ask(page, 'Say hello.')
  for (const n of [1, 2, 3, 4]) {
    await expect(column(page, n).getByLabel('Answer metrics')).toBeVisible()
  }
  await page.mouse.move(0, 0)
  await page.screenshot({ path: testInfo.outputPath('compare-4-1280.png') })
  await page.setViewportSize({ width: 900, height: 700 })
  await page.screenshot({ path: testInfo.outputPath('compare-4-900.png') })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
})
