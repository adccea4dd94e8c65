// Providers in Chromium over serve mode: a Groq key set in the UI stays masked and out of the json and
// every API response; Test connection against the fake Groq; reorder by buttons (screenshots are in
// providers-custom.spec.ts).
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_GROQ_KEY } from '../../test/fakes/groq-server'
import {
  callApi,
  openScreen,
  readFactoryJson,
  recordApiResponses,
  workspaceOf,
} from './studio-helpers'

const WRONG_KEY = 'gsk_wrong_e2e_key_4242'

/** Selects a provider in the list; its detail pane is the article named after it. */
async function showProvider(page: Page, name: string) {
  await page
    .getByRole('listbox', { name: 'Provider list' })
    .getByRole('option', { name, exact: true })
    .click()
  return page.getByRole('article', { name, exact: true })
}

/** The factory json and the secrets file as they are on disk (null when there is none). */
async function savedOnDisk(workspace: string) {
  const secrets = join(workspace, '.mindx', 'secrets.json')
  return {
    json: await readFactoryJson(workspace),
    secrets: await readFile(secrets, 'utf8').catch(() => null),
  }
}

test.afterAll(async ({ request }) => {
  // The workspace is shared with the other specs: leave Groq working with the right key.
  await callApi(request, 'providers:update', { provider: 'groq', apiKey: DEFAULT_GROQ_KEY })
  await callApi(request, 'providers:setOrder', { order: ['groq', 'ollama', 'gemini'] })
})

test('a Groq key set in the UI is masked, kept out of the json and every response; test connection', async ({
  page,
  request,
}) => {
  const responses = recordApiResponses(page)
  await openScreen(page, 'Providers')
  const groq = await showProvider(page, 'Groq')

  await groq.getByLabel('API key').fill(DEFAULT_GROQ_KEY)
  await expect(groq.getByText('Unsaved changes')).toBeVisible()
  // With a typed key both are offered: Test connection tries it unsaved, Save & test keeps it.
  await expect(groq.getByRole('button', { name: 'Test connection' })).toBeEnabled()
  await expect(groq.getByRole('button', { name: 'Save & test' })).toBeVisible()
  await groq.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(groq.getByText('from secret:groq')).toBeVisible()
  await expect(groq.getByText('gsk_…_key', { exact: true }).first()).toBeVisible()
  await expect(groq.getByLabel('API key')).toHaveValue('')

  const workspace = await workspaceOf(request)
  const json = await readFactoryJson(workspace)
  expect(json).toContain('"api_key_override": "secret:groq"')
  expect(json).not.toContain(DEFAULT_GROQ_KEY)

  await groq.getByRole('button', { name: 'Test connection' }).click()
  await expect(groq.getByRole('status')).toContainText(/Connected in \d+ ms/)
  // The row's dot turns green (--ok), not the grey of an untested provider; the screen uses its width.
  const row = page.getByRole('option', { name: 'Groq', exact: true })
  await expect(row).toContainText('reachable')
  const dot = row.locator('.status-dot')
  await expect(dot).toHaveCSS('background-color', 'rgb(31, 157, 85)')
  await expect(page.locator('section.screen')).toHaveCSS('max-width', '1180px')

  await groq.getByLabel('API key').fill(WRONG_KEY)
  await groq.getByRole('button', { name: 'Save', exact: true }).click()
  // The field empties once the key is stored (it is never shown again).
  await expect(groq.getByLabel('API key')).toHaveValue('')
  await expect(groq.getByText('Saved')).toBeVisible()
  await groq.getByRole('button', { name: 'Test connection' }).click()
  const alert = groq.getByRole('alert')
  await expect(alert).toContainText('Key rejected (auth)')
  await expect(alert).toContainText('Paste a valid API key')

  await page.reload()
  await expect(await showProvider(page, 'Groq')).toBeVisible()
  for (const body of responses) {
    expect(body).not.toContain(DEFAULT_GROQ_KEY)
    expect(body).not.toContain(WRONG_KEY)
  }
  expect(responses.length).toBeGreaterThan(5)
  await expect(page.locator('body')).not.toContainText(WRONG_KEY)
})

test('the default provider order moves with the Up/Down buttons and is written to the json', async ({
  page,
  request,
}) => {
  await openScreen(page, 'Providers')
  const order = page.getByRole('list', { name: 'Default provider order' })
  await expect(order.getByRole('listitem').first()).toContainText('groq')
  await page.getByRole('button', { name: 'Move ollama up' }).click()
  await expect(order.getByRole('listitem').first()).toContainText('ollama')
  await expect(
    page.getByRole('option', { name: 'Ollama', exact: true }).getByText('default', { exact: true }),
  ).toBeVisible()
  const json = JSON.parse(await readFactoryJson(await workspaceOf(request))) as {
    default_provider_preference_order: string[]
  }
  expect(json.default_provider_preference_order).toEqual(['ollama', 'groq', 'gemini'])
  await page.getByRole('button', { name: 'Move ollama down' }).click()
  await expect(order.getByRole('listitem').first()).toContainText('groq')
  // Dragging works too: gemini onto the first row (the order panel is below the provider list).
  await order.scrollIntoViewIfNeeded()
  await order
    .getByRole('listitem')
    .filter({ hasText: 'gemini' })
    .dragTo(order.getByRole('listitem').first())
  await expect(order.getByRole('listitem').first()).toContainText('gemini')
  await expect
    .poll(
      async () =>
        (
          JSON.parse(await readFactoryJson(await workspaceOf(request))) as {
            default_provider_preference_order: string[]
          }
        ).default_provider_preference_order,
    )
    .toEqual(['gemini', 'groq', 'ollama'])
  await callApi(request, 'providers:setOrder', { order: ['groq', 'ollama', 'gemini'] })
})

test('a base URL edit on Ollama: Test connection says what to do when nothing answers', async ({
  page,
  request,
}) => {
  const before = await callApi<{ providers: { provider: string; view: { baseUrl: string } }[] }>(
    request,
    'providers:list',
  )
  const original = before.providers.find((p) => p.provider === 'ollama')?.view.baseUrl ?? ''
  await openScreen(page, 'Providers')
  const ollama = await showProvider(page, 'Ollama')
  await ollama.getByLabel('Base URL', { exact: true }).fill('http://127.0.0.1:9')
  await ollama.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(ollama.getByText('http://127.0.0.1:9', { exact: true }).first()).toBeVisible()
  await ollama.getByRole('button', { name: 'Test connection' }).click()
  await expect(ollama.getByRole('alert')).toContainText(
    'Is `ollama serve` running at http://127.0.0.1:9?',
  )
  await ollama.getByLabel('Base URL', { exact: true }).fill(original)
  await ollama.getByRole('button', { name: 'Save', exact: true }).click()
  await ollama.getByRole('button', { name: 'Test connection' }).click()
  await expect(ollama.getByRole('status')).toContainText('Connected')
})

test('Test connection tries a typed key without saving it: wrong is auth, right connects', async ({
  page,
  request,
}) => {
  const typedWrong = 'gsk_typed_unsaved_e2e_7777'
  // Saved: the right key. What is typed is tested, so a wrong one fails although the saved one works.
  await callApi(request, 'providers:update', { provider: 'groq', apiKey: DEFAULT_GROQ_KEY })
  const workspace = await workspaceOf(request)
  const before = await savedOnDisk(workspace)
  const responses = recordApiResponses(page)
  await openScreen(page, 'Providers')
  const groq = await showProvider(page, 'Groq')

  await groq.getByLabel('API key').fill(typedWrong)
  await groq.getByRole('button', { name: 'Test connection' }).click()
  await expect(groq.getByRole('alert')).toContainText('Key rejected (auth)')
  await expect(
    groq.getByText('Tested what was typed in the form; nothing was saved.'),
  ).toBeVisible()

  await groq.getByLabel('API key').fill(DEFAULT_GROQ_KEY)
  await groq.getByRole('button', { name: 'Test connection' }).click()
  await expect(groq.getByRole('status')).toContainText(/Connected in \d+ ms/)
  await expect(groq.getByText('Unsaved changes')).toBeVisible()

  expect(await savedOnDisk(workspace)).toEqual(before)
  for (const body of responses) {
    expect(body).not.toContain(typedWrong)
    expect(body).not.toContain(DEFAULT_GROQ_KEY)
  }
})
