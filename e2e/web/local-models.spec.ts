// Local models in Chromium over serve mode, against the lab fake Ollama: pull/cancel, delete, unload, down.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  E2E_CONTROL_PORT_OFFSET,
  E2E_LAB_OLLAMA,
  E2E_LAB_OLLAMA_OPTIONS,
  E2E_TOKEN,
} from './e2e-constants'

const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
const auth = { authorization: `Bearer ${E2E_TOKEN}` }

interface PullRequestSummary {
  body: { model?: string; name?: string }
  closedEarly: boolean
}

/** Talks to e2e/web/fake-control.ts, which runs beside the serve process. */
function labControl(request: APIRequestContext, baseURL: string | undefined) {
  const port = Number(new URL(baseURL ?? '').port) + E2E_CONTROL_PORT_OFFSET
  const url = (verb: string) => `http://127.0.0.1:${port}/fakes/${E2E_LAB_OLLAMA}/${verb}`
  return {
    async call<T>(verb: string): Promise<T> {
      const response = await request.post(url(verb))
      expect(response.ok(), await response.text()).toBe(true)
      return (await response.json()) as T
    },
    async url(): Promise<string> {
      const response = await request.get(`http://127.0.0.1:${port}/fakes`)
      return ((await response.json()) as Record<string, string>)[E2E_LAB_OLLAMA] ?? ''
    },
  }
}

async function api(request: APIRequestContext, channel: string, data: unknown): Promise<unknown> {
  const response = await request.post(`/api/${channel}`, { headers: auth, data })
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
  expect(body.ok, JSON.stringify(body.error)).toBe(true)
  return body.value
}

let labUrl = ''

test.beforeEach(async ({ request, baseURL }) => {
  const lab = labControl(request, baseURL)
  // A fresh lab Ollama per test, saved as the selected host, with no pulls left from earlier tests.
  await lab.call('release')
  labUrl = (await lab.call<{ url: string }>('restart')).url
  await api(request, 'ollama:saveHosts', {
    hosts: [{ url: labUrl, label: 'Lab' }],
    selected: labUrl,
  })
  await expect
    .poll(async () => {
      const pulls = (await api(request, 'ollama:clearPulls', { host: labUrl })) as unknown[]
      return pulls.length
    })
    .toBe(0)
})

test.afterAll(async ({ request, baseURL }) => {
  await labControl(request, baseURL).call('release')
  // Later specs see the workspace's configured host again.
  await api(request, 'ollama:saveHosts', { hosts: [] })
})

async function openLocalModels(page: Page): Promise<void> {
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Local models' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Local models' })).toBeVisible()
  await expect(page.getByLabel('Ollama host')).toHaveValue(labUrl)
  await expect(page.getByRole('status', { name: 'Host status' })).toHaveText(
    `Reachable · Ollama ${E2E_LAB_OLLAMA_OPTIONS.version}`,
  )
}

const installedTable = (page: Page) => page.getByRole('table', { name: 'Installed models' })
const runningTable = (page: Page) => page.getByRole('table', { name: 'Running' })
const pullItem = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Pulls' }).getByRole('listitem', { name, exact: true })

async function pull(page: Page, name: string): Promise<void> {
  await page.getByLabel('Model name').fill(name)
  await page.getByRole('button', { name: 'Pull', exact: true }).click()
  await expect(pullItem(page, name)).toBeVisible()
}

test('installed models: table, total on disk, filter, sort and details', async ({ page }) => {
  await openLocalModels(page)
  const table = installedTable(page)
  await expect(table.getByRole('row')).toHaveCount(1 + E2E_LAB_OLLAMA_OPTIONS.models.length)
  await expect(page.getByLabel('Total disk used')).toContainText('4 models')
  const mistral = table.getByRole('row', { name: /mistral:7b/ })
  await expect(mistral).toContainText(/4\.\d GB/)
  await expect(mistral).toContainText('Q4_K_M')

  await table.getByRole('button', { name: 'Size' }).click()
  await expect(table.getByRole('columnheader', { name: 'Size' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(table.getByRole('row').nth(1)).toContainText('llama3.2:1b')
  await table.getByRole('button', { name: 'Size' }).click()
  await expect(table.getByRole('row').nth(1)).toContainText('mistral:7b')

  await page.getByRole('searchbox').fill('gemma')
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByRole('searchbox').fill('')

  await table.getByRole('button', { name: 'phi3:mini', exact: true }).click()
  const details = page.getByRole('region', { name: 'Details: phi3:mini' })
  await expect(details.getByRole('heading', { name: 'Details: phi3:mini' })).toBeFocused()
  await expect(details.getByLabel('Modelfile')).toContainText('FROM phi3:mini')
  await details.getByText('License', { exact: true }).click()
  await expect(details.getByLabel('License')).toContainText('MIT License')
  await page.keyboard.press('Escape')
  await expect(details).toHaveCount(0)
})

test('pull shows progress and a queue of 2; Cancel aborts the request; the list refreshes', async ({
  page,
  request,
  baseURL,
}) => {
  const lab = labControl(request, baseURL)
  await openLocalModels(page)
  // Streams pause after the manifest line and three layer lines (20% of the layer) until released.
  await lab.call('hold?after=4')
  await pull(page, 'qwen2.5:0.5b')
  await pull(page, 'gemma3:1b')
  await pull(page, 'deepseek-r1:7b')

  const qwen = pullItem(page, 'qwen2.5:0.5b')
  await expect(qwen).toContainText('Pulling')
  await expect(qwen).toContainText('65 MB of 325 MB')
  await expect(
    qwen.getByRole('progressbar', { name: 'Pull progress of qwen2.5:0.5b' }),
  ).toHaveAttribute('aria-valuenow', '20')
  await expect(pullItem(page, 'gemma3:1b')).toContainText('Pulling')
  await expect(pullItem(page, 'deepseek-r1:7b')).toContainText('Queued')
  await expect(pullItem(page, 'deepseek-r1:7b')).toContainText('Waiting for a free slot')

  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.setViewportSize({ width: 1280, height: 1040 })
  await page.mouse.move(0, 0)
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'local-models.png'),
    animations: 'disabled',
  })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'local-models-dark.png'),
    animations: 'disabled',
  })
  await page.emulateMedia({ colorScheme: 'light' })

  await qwen.getByRole('button', { name: 'Cancel' }).click()
  await expect(qwen).toContainText('Cancelled')
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled the pull' })).toBeVisible()
  // The fake saw the connection close before the pull was complete.
  await expect
    .poll(async () => {
      const pulls = await lab.call<PullRequestSummary[]>('requests?path=/api/pull')
      return pulls.find((p) => (p.body.model ?? p.body.name) === 'qwen2.5:0.5b')?.closedEarly
    })
    .toBe(true)
  // Its slot went to the queued pull.
  await expect(pullItem(page, 'deepseek-r1:7b')).toContainText('Pulling')

  await lab.call('release')
  await expect(pullItem(page, 'gemma3:1b')).toContainText('Done')
  await expect(pullItem(page, 'deepseek-r1:7b')).toContainText('Done')
  const table = installedTable(page)
  await expect(table.getByRole('row', { name: /gemma3:1b/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /deepseek-r1:7b/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /qwen2\.5:0\.5b/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'Clear finished' }).click()
  await expect(page.getByRole('list', { name: 'Pulls' })).toHaveCount(0)
})

test('a pull of an unknown name ends with a clear error', async ({ page }) => {
  await openLocalModels(page)
  // Names from the Cloud Run catalog are offered while typing.
  await expect(page.locator('#lm-pull-suggestions option').first()).toHaveAttribute('value', /.+/)
  // Enter in the field pulls, like the button.
  await page.getByLabel('Model name').fill('no-such-model:3b')
  await page.getByLabel('Model name').press('Enter')
  const item = pullItem(page, 'no-such-model:3b')
  await expect(item).toContainText('Failed')
  await expect(item.getByRole('alert')).toContainText('was not found in the Ollama library')
  await expect(item.getByRole('alert')).toContainText('ollama.com/library')
})

test('delete asks first (Esc keeps the model), then removes it from the list', async ({
  page,
  request,
  baseURL,
}) => {
  await openLocalModels(page)
  const row = installedTable(page).getByRole('row', { name: /mistral:7b/ })
  await row.getByRole('button', { name: 'Delete' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete mistral:7b?' })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(row).toBeVisible()

  await row.getByRole('button', { name: 'Delete' }).press('Enter')
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(row).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted mistral:7b.' })).toBeVisible()
  const state = await request.get(
    `http://127.0.0.1:${Number(new URL(baseURL ?? '').port) + E2E_CONTROL_PORT_OFFSET}/fakes/${E2E_LAB_OLLAMA}/state`,
  )
  const installed = ((await state.json()) as { installed: { name: string }[] }).installed
  expect(installed.map((m) => m.name)).not.toContain('mistral:7b')
})

test('unload empties the running list', async ({ page }) => {
  await openLocalModels(page)
  const running = runningTable(page)
  await expect(running.getByRole('row')).toHaveCount(3)
  for (const name of ['phi3:mini', 'llama3.2:1b']) {
    await running
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: 'Unload' })
      .click()
    await expect(page.getByRole('status').filter({ hasText: `Unloaded ${name}` })).toBeVisible()
  }
  await expect(page.getByText('No model is loaded in memory right now.')).toBeVisible()
})

test('Ollama down shows the guidance panel; Retry brings the models back', async ({
  page,
  request,
  baseURL,
}) => {
  const lab = labControl(request, baseURL)
  await openLocalModels(page)
  await lab.call('stop')
  await page.getByRole('button', { name: 'Refresh' }).click()
  const panel = page.getByRole('region', { name: 'Ollama is not reachable' })
  await expect(panel).toContainText(`Ollama is not reachable at ${labUrl}`)
  await expect(panel).toContainText('ollama serve')
  await expect(panel).toContainText('OLLAMA_HOST')
  await expect(page.getByRole('status', { name: 'Host status' })).toHaveText('Not reachable')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'ollama-down.png'), animations: 'disabled' })

  await lab.call('restart')
  await panel.getByRole('button', { name: 'Retry' }).click()
  await expect(installedTable(page).getByRole('row', { name: /phi3:mini/ })).toBeVisible()
})

test('the host picker adds a host, shows it down, and switches back', async ({ page }) => {
  await openLocalModels(page)
  await page.getByRole('button', { name: 'Add host…' }).click()
  const url = page.getByLabel('Host URL')
  await expect(url).toBeFocused()
  await url.fill('http://127.0.0.1:1')
  await page.getByRole('button', { name: 'Save host' }).click()
  await expect(page.getByLabel('Ollama host')).toHaveValue('http://127.0.0.1:1')
  await expect(page.getByRole('region', { name: 'Ollama is not reachable' })).toContainText(
    'http://127.0.0.1:1',
  )
  await page.getByLabel('Ollama host').selectOption(labUrl)
  await expect(installedTable(page).getByRole('row', { name: /phi3:mini/ })).toBeVisible()
  // The choice is remembered for the workspace: a reload comes back to the lab host.
  await page.reload()
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Local models' })
    .click()
  await expect(page.getByLabel('Ollama host')).toHaveValue(labUrl)
})

test('a host where something else answers 404 says so and points at the base URL', async ({
  page,
}) => {
  await openLocalModels(page)
  await page.getByRole('button', { name: 'Add host…' }).click()
  await page.getByLabel('Host URL').fill(`${labUrl}/v1`)
  await page.getByRole('button', { name: 'Save host' }).click()
  await expect(page.getByRole('region', { name: 'Ollama is not reachable' })).toContainText(
    `Ollama is not reachable at ${labUrl}/v1: something else answered there (HTTP 404)`,
  )
  await expect(page.getByRole('status', { name: 'Host status' })).toHaveText('Not reachable')
})
