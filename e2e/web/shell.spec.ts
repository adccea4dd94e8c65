// The shell in Chromium over serve mode: loads clean, every screen, shortcuts, status bar, screenshot.
import type { ConsoleMessage, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { E2E_DEFAULT_MODEL, E2E_OLLAMA_VERSION, E2E_TOKEN, NAV_ITEMS } from './e2e-constants'

const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')

/** Opens the app as a person would: the printed URL with the token. */
async function openApp(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.goto(`/?token=${E2E_TOKEN}`)
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(
    E2E_DEFAULT_MODEL,
  )
  return problems
}

test('the shell loads with no console errors and strips the token from the address bar', async ({
  page,
}) => {
  const problems = await openApp(page)
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible()
  expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  await expect(page).toHaveTitle(/ — mindX LLM Factory Studio$/)
  // A reload keeps working: the token lives in sessionStorage now.
  await page.reload()
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(
    E2E_DEFAULT_MODEL,
  )
  expect(problems).toEqual([])
})

test('every nav item shows its screen', async ({ page }) => {
  await openApp(page)
  const nav = page.getByRole('navigation', { name: 'Screens' })
  await expect(nav.getByRole('button')).toHaveCount(NAV_ITEMS.length)
  for (const name of NAV_ITEMS) {
    await nav.getByRole('button', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
    await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
  }
})

test('Ctrl+1…6 switch screens and focus the heading', async ({ page }) => {
  await openApp(page)
  for (const [index, name] of NAV_ITEMS.entries()) {
    await page.keyboard.press(`Control+${index + 1}`)
    const heading = page.getByRole('heading', { level: 1, name, exact: true })
    await expect(heading).toBeVisible()
    await expect(heading).toBeFocused()
  }
})

test('the resolved default provider/model and Ollama reachability show in the status bar', async ({
  page,
  request,
}) => {
  await openApp(page)
  // The same contract call the status bar made, straight over HTTP.
  const response = await request.post('/api/factory:resolve', {
    headers: { authorization: `Bearer ${E2E_TOKEN}` },
    data: {},
  })
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { ok: true; value: { provider: string; model: string } }
  expect(body.value).toMatchObject({ provider: 'groq', model: E2E_DEFAULT_MODEL })

  const bar = page.getByRole('contentinfo', { name: 'Status bar' })
  await expect(bar).toContainText(`${body.value.provider} · ${body.value.model}`)
  await expect(bar).toContainText(`reachable (${E2E_OLLAMA_VERSION})`)
  await expect(bar).toContainText('mindx-workspace')
})

test('screenshot of the shell (light and dark)', async ({ page }) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await openApp(page)
  await expect(page.getByRole('contentinfo')).toContainText(`reachable (${E2E_OLLAMA_VERSION})`)
  await page.getByRole('button', { name: 'Providers', exact: true }).focus()
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell.png'), animations: 'disabled' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-dark.png'), animations: 'disabled' })
})
