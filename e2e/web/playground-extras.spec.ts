// The Playground's extras in Chromium over serve mode: Regenerate keeps versions (1/2, 2/2), Continue
// after Stop appends to the same answer, presets save and pick the system prompt + parameters.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { ask, control, lastAnswer, response } from './chat-steps'
import { E2E_DEFAULT_MODEL, E2E_TOKEN } from './e2e-constants'
import { callApi, forgetConversations, SCREENSHOT_DIR } from './studio-helpers'

async function forgetPresets(request: APIRequestContext) {
  for (const { id } of await callApi<{ id: string }[]>(request, 'presets:list')) {
    await callApi(request, 'presets:delete', { id })
  }
}

async function openPlayground(page: Page, request: APIRequestContext): Promise<string[]> {
  await control(request, 'groq/reset')
  await callApi(request, 'providers:resetHealth', {})
  await forgetConversations(request)
  await forgetPresets(request)
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await expect(page.getByText('Ask something to start.')).toBeVisible()
  return problems
}

test.afterEach(async ({ request }) => {
  await forgetConversations(request)
  await forgetPresets(request)
})

test('Regenerate keeps the earlier answer: 1/2, 2/2, switch back; later prompts get the shown one', async ({
  page,
  request,
}) => {
  const problems = await openPlayground(page, request)
  await control(request, 'groq/reply', { text: 'A haiku about rain, take one.' })
  await ask(page, 'Write a haiku about rain.')
  await expect(lastAnswer(page)).toContainText('take one')
  await control(request, 'groq/reply', { text: 'A haiku about rain, take two.' })
  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click()
  const versions = lastAnswer(page).getByRole('group', { name: /Answer version/ })
  await expect(versions).toHaveAccessibleName('Answer version 2 of 2')
  await expect(versions).toContainText('2/2')
  await expect(lastAnswer(page)).toContainText('take two')
  await expect(response(page)).not.toContainText('take one')

  // Keyboard: focus Previous, Enter, then → brings the second back.
  await versions.getByRole('button', { name: 'Previous version' }).focus()
  await page.keyboard.press('Enter')
  await expect(versions).toContainText('1/2')
  await expect(lastAnswer(page)).toContainText('take one')
  await page.keyboard.press('ArrowRight')
  await expect(versions).toContainText('2/2')
  await page.keyboard.press('ArrowLeft')
  await expect(versions).toContainText('1/2')

  await control(request, 'groq/reply', { text: 'Noted.' })
  await ask(page, 'Thanks.')
  await expect(lastAnswer(page)).toContainText('Noted.')
  const sent = (await control(request, 'groq/last-chat')) as { body: { messages: unknown[] } }
  expect(sent.body.messages).toEqual([
    { role: 'user', content: 'Write a haiku about rain.' },
    { role: 'assistant', content: 'A haiku about rain, take one.' },
    { role: 'user', content: 'Thanks.' },
  ])
  // Both versions are in the saved conversation.
  const [saved] = await callApi<{ id: string }[]>(request, 'chat:list')
  const conversation = await callApi<{ turns: { otherVersions?: unknown[] }[] }>(
    request,
    'chat:load',
    { id: saved?.id },
  )
  expect(conversation.turns[1]?.otherVersions).toHaveLength(1)
  expect(problems).toEqual([])
})

test('Continue after Stop sends the partial answer back and appends the rest to the same answer', async ({
  page,
  request,
}) => {
  const problems = await openPlayground(page, request)
  const words = Array.from({ length: 40 }, (_, i) => `word${i + 1}`).join(' ')
  await control(request, 'groq/reply', { text: words })
  await control(request, 'groq/hold', { after: 4 })
  await ask(page, 'count to forty')
  await expect(response(page)).toContainText('word3')
  await page.getByRole('button', { name: 'Stop' }).click()
  await expect(lastAnswer(page)).toContainText('Stopped.')
  await control(request, 'groq/release')
  const partial = (await lastAnswer(page).locator('.markdown').first().innerText()).trim()

  await control(request, 'groq/reply', { text: ' and so on to forty.' })
  await lastAnswer(page).getByRole('button', { name: 'Continue' }).click()
  await expect(lastAnswer(page)).toContainText('and so on to forty.')
  await expect(lastAnswer(page)).toContainText(partial)
  await expect(lastAnswer(page)).toContainText('Continued after it was cut short')
  await expect(response(page).getByRole('article', { name: 'Answer' })).toHaveCount(1)
  const sent = (await control(request, 'groq/last-chat')) as {
    body: { messages: { role: string; content: string }[] }
  }
  expect(sent.body.messages.slice(0, 2)).toEqual([
    { role: 'user', content: 'count to forty' },
    { role: 'assistant', content: partial },
  ])
  expect(sent.body.messages[2]?.content).toMatch(/^Continue your last answer/)
  expect(problems).toEqual([])
})

test('a preset saves the system prompt and parameters, and picking it brings them back', async ({
  page,
  request,
}) => {
  const problems = await openPlayground(page, request)
  const system = page.getByRole('textbox', { name: 'System prompt' })
  await system.fill('You are a haiku poet.')
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('1.2')
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('60')
  await page.getByRole('button', { name: 'Save as preset…' }).click()
  await page.getByRole('textbox', { name: 'New preset name' }).fill('Haiku poet')
  await page.getByRole('textbox', { name: 'New preset name' }).press('Enter')
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue(/^p-/)

  await system.fill('')
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('')
  await expect(page.getByRole('button', { name: 'Update preset' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Haiku poet' })
  await expect(system).toHaveValue('You are a haiku poet.')
  await expect(page.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('1.2')
  await expect(page.getByRole('spinbutton', { name: 'Max tokens' })).toHaveValue('60')

  // It is the workspace's: the API lists it, and a reload still offers it.
  const listed = await callApi<{ name: string; settings: unknown }[]>(request, 'presets:list')
  expect(listed).toEqual([
    expect.objectContaining({
      name: 'Haiku poet',
      settings: {
        system: 'You are a haiku poet.',
        temperature: 1.2,
        maxTokens: 60,
        jsonMode: false,
      },
    }),
  ])
  await control(request, 'groq/reply', { text: 'Rain on the tin roof' })
  await ask(page, 'Rain, please.')
  await expect(lastAnswer(page)).toContainText('Rain on the tin roof')
  const sent = (await control(request, 'groq/last-chat')) as {
    body: { temperature?: number; max_tokens?: number; messages: { role: string }[] }
  }
  expect(sent.body).toMatchObject({ temperature: 1.2, max_tokens: 60 })
  expect(sent.body.messages[0]).toEqual({ role: 'system', content: 'You are a haiku poet.' })

  // The screenshot: versions under the answer, the preset picked in the side panel.
  await control(request, 'groq/reply', { text: 'Drops drum the tin roof' })
  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click()
  await expect(lastAnswer(page).getByRole('group', { name: /Answer version/ })).toContainText('2/2')
  await page.mouse.move(0, 0)
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'playground-versions-presets.png'),
    animations: 'disabled',
  })
  expect(problems).toEqual([])
})
