// Deploy to Cloud Run in Chromium over serve mode: the dialog explains invalid combinations, writes and shows
// the files and the command, deploys through the fake gcloud (live log, failures in words) and adds the provider.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { E2E_FAKE_GCLOUD_DIR_NAME } from './e2e-constants'
import {
  callApi,
  forgetConversations,
  keepFactoryJson,
  openScreen,
  readFactoryJson,
  SCREENSHOT_DIR,
} from './studio-helpers'

const kept = keepFactoryJson()
let gcloudConfig = ''
const gcloudDir = () => join(dirname(kept.workspace), E2E_FAKE_GCLOUD_DIR_NAME)

test.beforeAll(async () => {
  gcloudConfig = await readFile(join(gcloudDir(), 'config.json'), 'utf8')
})
test.afterEach(async () => {
  await writeFile(join(gcloudDir(), 'config.json'), gcloudConfig)
})
test.afterAll(async ({ request }) => {
  // The chat with the deployed provider would be the Playground's latest conversation for later specs.
  await forgetConversations(request)
})

async function openDeployDialog(page: Page, model: string) {
  await openScreen(page, 'Cloud Run models')
  await page.getByRole('button', { name: `Deploy ${model} to Cloud Run…` }).click()
  const dialog = page.getByRole('dialog', { name: `Deploy ${model} to Cloud Run` })
  await expect(dialog.getByLabel('Service name')).toBeVisible()
  return dialog
}

async function gcloudCalls(): Promise<string[][]> {
  const text = await readFile(join(gcloudDir(), 'calls.jsonl'), 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { args: string[] }).args)
}

test('explains invalid combinations, writes the files, deploys and adds the provider', async ({
  page,
}) => {
  const dialog = await openDeployDialog(page, 'phi3:mini')
  await expect(dialog.getByLabel('Service name')).toHaveValue('ollama-phi3-mini')
  await expect(dialog.getByLabel('GPU')).toHaveValue('l4')
  await expect(dialog.getByLabel('CPU', { exact: true })).toHaveValue('4')
  await expect(dialog.getByLabel('Memory (GiB)')).toHaveValue('16')

  // Before anything is written: the project is missing, then too few CPU for an L4.
  const problems = dialog.getByRole('list', { name: 'Problems with this deploy' })
  await expect(problems).toContainText('A project ID has 6–30 lowercase letters')
  await expect(dialog.getByRole('button', { name: 'Write files' })).toBeDisabled()
  await dialog.getByLabel('Project').fill('my-project')
  await dialog.getByLabel('CPU', { exact: true }).fill('2')
  await expect(problems).toContainText('NVIDIA L4 needs at least 4 CPU (you chose 2).')
  await expect(dialog.getByRole('button', { name: 'Write files' })).toBeDisabled()
  await dialog.getByLabel('GPU').selectOption('rtx-pro-6000')
  await expect(dialog.getByLabel('CPU', { exact: true })).toHaveValue('20')
  await expect(dialog.getByLabel('Memory (GiB)')).toHaveValue('80')
  await dialog.getByLabel('GPU').selectOption('l4')
  await expect(problems).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Write files' }).click()
  const files = dialog.getByRole('region', { name: 'Written files' })
  await expect(files).toContainText('deploy/cloud-run/ollama-phi3-mini')
  await files.getByText('Dockerfile').click()
  await expect(files.getByLabel('Contents of Dockerfile')).toContainText('ENV OLLAMA_KEEP_ALIVE=-1')
  const command = dialog.getByLabel('Deploy command')
  await expect(command).toContainText('gcloud run deploy ollama-phi3-mini --project my-project')
  await expect(command).toContainText('--gpu 1 --gpu-type nvidia-l4')
  await expect(dialog.getByRole('button', { name: 'Copy command' })).toBeVisible()
  const dockerfile = await readFile(
    join(kept.workspace, 'deploy/cloud-run/ollama-phi3-mini/Dockerfile'),
    'utf8',
  )
  expect(dockerfile).toContain('FROM ollama/ollama:0.12.6')

  await dialog.getByRole('button', { name: 'Deploy now' }).click()
  const log = dialog.getByRole('log', { name: 'gcloud output' })
  await expect(log).toContainText('Building Container...')
  const url = JSON.parse(gcloudConfig) as { url: string }
  await expect(dialog.getByRole('status').filter({ hasText: 'added as provider' })).toContainText(
    `Service URL ${url.url} — added as provider ollama-phi3-mini.`,
  )
  const deployCall = (await gcloudCalls()).find((args) => args[1] === 'deploy')
  expect(deployCall).toContain('--no-allow-unauthenticated')
  expect(deployCall).toContain('OLLAMA_NUM_PARALLEL=4')
  const json = JSON.parse(await readFactoryJson(kept.workspace)) as {
    custom_providers?: Record<string, { base_url: string; auth: string }>
  }
  expect(json.custom_providers?.['ollama-phi3-mini']).toMatchObject({
    base_url: url.url,
    auth: 'gcloud-identity-token',
  })

  await files.getByText('Dockerfile').click()
  await page.setViewportSize({ width: 1400, height: 1100 })
  await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'deploy.png'), animations: 'disabled' })

  // The new provider answers in the Playground, each request carrying an identity token from gcloud.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Playground', exact: true })
    .click()
  await page
    .getByRole('combobox', { name: 'Provider', exact: true })
    .selectOption('ollama-phi3-mini')
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('phi3:mini')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('hello from Cloud Run')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const answer = page
    .getByRole('region', { name: 'Response', exact: true })
    .getByRole('article', { name: 'Answer' })
    .last()
  await expect(answer).toContainText('hello from Cloud Run')
  await expect(answer).toContainText('ollama-phi3-mini')
  const tokenCalls = (await gcloudCalls()).filter((args) => args[0] === 'auth')
  expect(tokenCalls.at(-1)).toEqual(['auth', 'print-identity-token'])
})

test('a failed deploy says why in words; an existing URL can be added instead', async ({
  page,
  request,
}) => {
  await writeFile(
    join(gcloudDir(), 'config.json'),
    JSON.stringify({ ...(JSON.parse(gcloudConfig) as object), fail: 'no-gpu-quota' }),
  )
  const dialog = await openDeployDialog(page, 'gemma:2b')
  await dialog.getByLabel('Project').fill('my-project')
  await dialog.getByRole('button', { name: 'Write files' }).click()
  await dialog.getByRole('button', { name: 'Deploy now' }).click()
  await expect(dialog.getByRole('alert')).toContainText(
    'The project my-project has no NVIDIA L4 quota in us-central1',
  )

  await dialog.getByText('Use an existing service URL').click()
  await dialog.getByLabel('Service URL').fill('https://gemma-4x7kq2nbmq-ew.a.run.app')
  await dialog.getByRole('button', { name: 'Add as provider ollama-gemma-2b' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'added as provider' })).toBeVisible()
  const config = await callApi<{ text: string }>(request, 'config:read')
  expect(config.text).toContain('"ollama-gemma-2b"')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})
