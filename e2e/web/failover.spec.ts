// Failover in Chromium over serve mode: the route of a failed-over answer, then the health it left on Providers.
import { expect, test } from '@playwright/test'
import { E2E_CHAT_CONTROL_PORT_OFFSET } from './chat-fake-control'
import { E2E_DEFAULT_MODEL, E2E_TOKEN } from './e2e-constants'

const CONTROL = `http://127.0.0.1:${Number(process.env.MINDX_E2E_PORT ?? 5797) + E2E_CHAT_CONTROL_PORT_OFFSET}`

test('a rate-limited answer fails over to the next entry, shows its route, and Providers shows the cooldown', async ({
  page,
  request,
}) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  expect((await request.post(`${CONTROL}/chat/groq/reset`, { data: {} })).ok()).toBe(true)
  const fail = { status: 429, headers: { 'retry-after': '30' }, times: 3 }
  expect((await request.post(`${CONTROL}/chat/groq/fail`, { data: fail })).ok()).toBe(true)

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
