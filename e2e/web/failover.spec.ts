// Failover in Chromium over serve mode: the route of a failed-over answer, then the health it left on Providers.
import { expect, test } from '@playwright/test'
import { control } from './chat-steps'
import { E2E_DEFAULT_MODEL, E2E_TOKEN } from './e2e-constants'

test('a rate-limited answer fails over to the next entry, shows its route, and Providers shows the cooldown', async ({
  page,
  request,
}) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await control(request, 'groq/reset')
  await control(request, 'groq/fail', { status: 429, headers: { 'retry-after': '30' }, times: 3 })

  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await page.getByRole('button', { name: 'New conversation' }).click()
  await page.getByRole('checkbox', { name: 'Fail over along the provider order' }).check()
  const chain = page.getByRole('textbox', { name: 'Failover chain' })
  await chain.fill('mock')
  await chain.press('Enter')
  await expect(page.getByRole('list', { name: 'Failover chain entries' })).toContainText('mock')

  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('route me')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).press('Control+Enter')
  const answer = page
    .getByRole('region', { name: 'Response', exact: true })
    .getByRole('article', { name: 'Answer' })
    .last()
  await expect(answer.getByLabel('Route')).toHaveText(/groq · rate limited \(.+\) → mock ✓/)
  await expect(answer).toContainText('You said: route me')

  await page.getByRole('checkbox', { name: 'Fail over along the provider order' }).uncheck()
  await page.getByRole('button', { name: 'Providers', exact: true }).click()
  const health = page.getByRole('region', { name: 'Groq health' })
  await expect(health).toContainText(/Cooldown until/)
  await expect(health).toContainText(/Last error \(rate_limit\)/)
  await health.getByRole('button', { name: 'Reset Groq health' }).click()
  await expect(health).toContainText('OK')
  expect(problems).toEqual([])
})
