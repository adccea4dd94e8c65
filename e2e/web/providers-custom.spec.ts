// Custom endpoints in Chromium: add the OpenAI-compatible fake through the dialog (inline checks),
// test it, chat with it in the Playground, remove it; the list with 16 providers at 1280 and 900 px
// has no page-level horizontal overflow; screenshots of both widths.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_OPENAI_KEY } from '../../test/fakes/openai-server'
import { E2E_CONTROL_PORT_OFFSET, E2E_TOKEN } from './e2e-constants'
import { callApi, openScreen, readFactoryJson, SCREENSHOT_DIR, workspaceOf } from './studio-helpers'

const CONTROL = `http://127.0.0.1:${Number(process.env.MINDX_E2E_PORT ?? 5797) + E2E_CONTROL_PORT_OFFSET}`
const EXTRA = ['lab-proxy', 'team-vllm']

async function openAiUrl(request: APIRequestContext): Promise<string> {
  const fakes = (await (await request.get(`${CONTROL}/fakes`)).json()) as Record<string, string>
  return `${fakes.openai}/v1`
}

async function showProvider(page: Page, name: string) {
  await page
    .getByRole('listbox', { name: 'Provider list' })
    .getByRole('option', { name, exact: true })
    .click()
  return page.getByRole('article', { name, exact: true })
}

test.afterAll(async ({ request }) => {
  // The workspace is shared with the other specs: leave only the built-in providers.
  const { providers } = await callApi<{ providers: { provider: string; origin: string }[] }>(
    request,
    'providers:list',
  )
  for (const p of providers.filter((p) => p.origin === 'custom')) {
    await callApi(request, 'providers:removeCustom', { name: p.provider })
  }
})

test('add an OpenAI-compatible endpoint, test it, chat with it, remove it', async ({
  page,
  request,
}) => {
  const url = await openAiUrl(request)
  await openScreen(page, 'Providers')
  await page.getByRole('button', { name: 'Add OpenAI-compatible endpoint' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add OpenAI-compatible endpoint' })
  await dialog.getByLabel('Name').fill('Not A Name')
  await dialog.getByLabel('Base URL').fill('localhost:8000')
  await dialog.getByLabel('API key').focus()
  await expect(dialog.getByText('Enter an http:// or https:// URL')).toBeVisible()
  await dialog.getByLabel('Name').fill('e2e-openai')
  await dialog.getByLabel('Base URL').fill(url)
  await dialog.getByLabel('API key').fill(DEFAULT_OPENAI_KEY)
  await dialog.getByLabel('Default model').fill('gpt-4o-mini')
  await dialog.getByRole('button', { name: 'Add endpoint' }).click()
  await expect(dialog).toBeHidden()

  // Selected once added; the key went to the secret store, not the json.
  const detail = page.getByRole('article', { name: 'e2e-openai', exact: true })
  await expect(detail).toBeVisible()
  const row = page
    .getByRole('listbox', { name: 'Provider list' })
    .getByRole('option', { name: 'e2e-openai', exact: true })
  await expect(row).toHaveAttribute('aria-selected', 'true')
  const json = await readFactoryJson(await workspaceOf(request))
  expect(json).toContain('"custom_providers"')
  expect(json).not.toContain(DEFAULT_OPENAI_KEY)

  await detail.getByRole('button', { name: 'Test connection' }).click()
  await expect(detail.getByRole('status')).toContainText(/Connected in \d+ ms/)
  await expect(row).toContainText('reachable')

  // Chat with it: the provider picker lists it, the model combobox takes the listed default.
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await page.getByRole('button', { name: 'New conversation' }).click()
  await page.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('e2e-openai')
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(
    'gpt-4o-mini',
  )
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
  await prompt.fill('hello custom endpoint')
  await prompt.press('Control+Enter')
  const answer = page
    .getByRole('region', { name: 'Response', exact: true })
    .getByRole('article', { name: 'Answer' })
    .last()
  await expect(answer).toContainText('hello custom endpoint')
  const requests = (await (
    await request.get(`${CONTROL}/fakes/openai/requests?path=/v1/chat/completions`)
  ).json()) as { body: unknown }[]
  expect(JSON.stringify(requests.at(-1)?.body)).toContain('gpt-4o-mini')

  await openScreen(page, 'Providers')
  const again = await showProvider(page, 'e2e-openai')
  await again.getByRole('button', { name: 'Remove endpoint' }).click()
  await page
    .getByRole('alertdialog', { name: 'Remove the endpoint e2e-openai?' })
    .getByRole('button', { name: 'Remove endpoint' })
    .click()
  await expect(row).toHaveCount(0)
  expect(await readFactoryJson(await workspaceOf(request))).not.toContain('e2e-openai')
})

for (const width of [1280, 900]) {
  test(`the list with 16 providers at ${width} px: searchable, keyboard, no horizontal overflow`, async ({
    page,
    request,
  }) => {
    const url = await openAiUrl(request)
    for (const name of [...EXTRA, 'e2e-openai']) {
      await callApi(request, 'providers:addCustom', {
        name,
        baseUrl: url,
        apiKey: DEFAULT_OPENAI_KEY,
        defaultModel: 'gpt-4o-mini',
      })
    }
    await page.setViewportSize({ width, height: 1150 })
    await page.goto(`/?token=${E2E_TOKEN}`)
    await openScreen(page, 'Providers')
    const list = page.getByRole('listbox', { name: 'Provider list' })
    await expect(list.getByRole('option')).toHaveCount(16)

    // Keyboard: from the search box down into the list, then End.
    const search = page.getByRole('searchbox', { name: 'Search providers' })
    await search.fill('vllm')
    await expect(list.getByRole('option')).toHaveCount(2)
    await search.press('ArrowDown')
    await expect(list.getByRole('option', { selected: true })).toBeFocused()
    await search.fill('')
    const groq = await showProvider(page, 'Groq')
    await expect(groq).toBeVisible()
    await page.keyboard.press('End')
    await expect(list.getByRole('option').last()).toHaveAttribute('aria-selected', 'true')

    await showProvider(page, 'Groq')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await expect(groq.getByRole('button', { name: 'Test connection' })).toBeVisible()
    await groq.getByRole('button', { name: 'Test connection' }).click()
    await expect(groq.getByRole('status')).toContainText('Connected')
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.getByRole('heading', { level: 1 }).focus()
    await page.screenshot({
      path: join(SCREENSHOT_DIR, width === 1280 ? 'providers.png' : 'providers-900.png'),
      animations: 'disabled',
    })
  })
}
