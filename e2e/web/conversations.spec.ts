// Saved conversations in Chromium over serve mode: titles without Markdown, last use first with
// dates, rename in place (kept after a reload), search by text; screenshots at 1280 and 900 px.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { control } from './chat-steps'
import { E2E_TOKEN } from './e2e-constants'
import { callApi, forgetConversations, SCREENSHOT_DIR } from './studio-helpers'

/** An older conversation, written through the API: its last message was on 3 Nov 2025. */
const OLD_CONVERSATION = {
  id: 'e2e-old-carbonara',
  title: 'Dinner **ideas**',
  createdAt: '2025-11-03T12:00:00.000Z',
  updatedAt: '2025-11-03T12:00:00.000Z',
  settings: { provider: 'mock', model: 'mock-model' },
  turns: [
    { id: 'u1', role: 'user', content: 'Something quick?', createdAt: '2025-11-03T12:00:00.000Z' },
    {
      id: 'a1',
      role: 'assistant',
      content: 'A spaghetti **carbonara** takes fifteen minutes.',
      createdAt: '2025-11-03T12:00:00.000Z',
      status: 'done',
    },
  ],
}

const panel = (page: Page) => page.getByRole('region', { name: 'Conversations' })
const group = (page: Page, name: string) => panel(page).getByRole('region', { name, exact: true })
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search conversations' })

/** The titles of the listed conversations, top to bottom. */
async function titles(page: Page): Promise<string[]> {
  return panel(page).locator('.conversation-title').allTextContents()
}

/** Sends a prompt and waits until answer number `answers` is done (it shows its metrics). */
async function ask(page: Page, prompt: string, title: string, answers = 1) {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const answer = page
    .getByRole('region', { name: 'Response', exact: true })
    .getByRole('article', { name: 'Answer' })
  await expect(answer).toHaveCount(answers)
  await expect(answer.last().getByLabel('Answer metrics')).toContainText('Total')
  await expect(panel(page).getByRole('button', { name: title, exact: true })).toBeVisible()
}

async function startConversation(page: Page, prompt: string, title: string) {
  await panel(page).getByRole('button', { name: 'New conversation' }).click()
  await ask(page, prompt, title)
}

async function openPlayground(page: Page) {
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible()
}

function timeOf(row: Locator): Locator {
  return row.locator('time')
}

async function noHorizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

test.beforeEach(async ({ request }) => {
  // Another spec may have left the fake Groq scripted or failing.
  await control(request, 'groq/reset')
  await forgetConversations(request)
  await callApi(request, 'providers:resetHealth', {})
})
test.afterEach(async ({ request }) => {
  await forgetConversations(request)
})

test('three conversations: plain titles, last use first with dates, rename, search', async ({
  page,
  request,
}) => {
  // A whole journey (four answers, two reloads): on a busy CI machine it needs more than 30 s.
  test.setTimeout(90_000)
  await openPlayground(page)
  await startConversation(
    page,
    '**Sort** a `Vec` in [Rust](https://rust-lang.org)',
    'Sort a Vec in Rust',
  )
  await startConversation(page, '## Plan a trip to Lisbon', 'Plan a trip to Lisbon')
  await startConversation(page, '> Pasta for _tonight_', 'Pasta for tonight')

  // Last used first, all of today, each with its time and the full date on hover.
  await expect
    .poll(() => titles(page))
    .toEqual(['Pasta for tonight', 'Plan a trip to Lisbon', 'Sort a Vec in Rust'])
  const today = group(page, 'Today')
  await expect(today.getByRole('listitem')).toHaveCount(3)
  for (const row of await today.getByRole('listitem').all()) {
    await expect(timeOf(row)).toHaveText(/^\d\d:\d\d$/)
    await expect(timeOf(row)).toHaveAttribute('title', /^Last used \w+day,? \d{1,2} \w+ \d{4} at /)
  }

  // Using the oldest again moves it to the top (last message, not creation, decides).
  await panel(page).getByRole('button', { name: 'Sort a Vec in Rust', exact: true }).click()
  await ask(page, 'And in reverse order?', 'Sort a Vec in Rust', 2)
  await expect
    .poll(() => titles(page))
    .toEqual(['Sort a Vec in Rust', 'Pasta for tonight', 'Plan a trip to Lisbon'])

  // An older one (saved with a Markdown title) sits under Earlier with its day and year.
  await callApi(request, 'chat:save', { conversation: OLD_CONVERSATION })
  await page.reload()
  await expect(group(page, 'Earlier').getByRole('listitem')).toHaveCount(1)
  const old = group(page, 'Earlier').getByRole('listitem')
  await expect(old.locator('.conversation-title')).toHaveText('Dinner ideas')
  await expect(timeOf(old)).toHaveText('3 Nov 2025')

  // Rename in place: Esc cancels, empty is refused, Enter saves; a reload keeps it.
  await panel(page)
    .getByRole('button', { name: 'Rename conversation Plan a trip to Lisbon' })
    .click()
  const titleBox = panel(page).getByRole('textbox', { name: 'Conversation title' })
  await expect(titleBox).toBeFocused()
  await titleBox.fill('')
  await titleBox.press('Enter')
  await expect(panel(page).getByRole('alert')).toContainText('at least one character')
  await titleBox.fill('Lisbon, May 2027')
  await titleBox.press('Enter')
  await expect(
    panel(page).getByRole('button', { name: 'Rename conversation Lisbon, May 2027' }),
  ).toBeFocused()
  await page.reload()
  await expect
    .poll(() => titles(page))
    .toEqual(['Sort a Vec in Rust', 'Pasta for tonight', 'Lisbon, May 2027', 'Dinner ideas'])

  // Search by text: Ctrl+K, a word only an answer holds, marked; nothing found; cleared.
  await page.getByRole('heading', { level: 1, name: 'Playground' }).click()
  await page.keyboard.press('Control+K')
  await expect(searchBox(page)).toBeFocused()
  await page.keyboard.type('carbonara')
  await expect.poll(() => titles(page)).toEqual(['Dinner ideas'])
  await expect(panel(page).getByRole('status')).toHaveText('1 conversation matches')
  await expect(panel(page).locator('mark')).toHaveText('carbonara')
  await expect(panel(page).getByRole('listitem')).toContainText('in an answer')
  await searchBox(page).fill('lisbon 2027')
  await expect.poll(() => titles(page)).toEqual(['Lisbon, May 2027'])
  await searchBox(page).fill('')
  await panel(page).getByRole('listitem').last().scrollIntoViewIfNeeded()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'conversations.png'), animations: 'disabled' })

  await searchBox(page).fill('zebra')
  await expect(panel(page).getByRole('status')).toContainText('No conversation matches “zebra”.')
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(searchBox(page)).toHaveValue('')
  await expect(panel(page).getByRole('listitem')).toHaveCount(4)

  // The stored file has the new title.
  const saved = await callApi<{ id: string; title: string }[]>(request, 'chat:list')
  expect(saved.map((c) => c.title)).toContain('Lisbon, May 2027')

  // Delete still asks first.
  await panel(page).getByRole('button', { name: 'Delete conversation Dinner ideas' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect
    .poll(() => titles(page))
    .toEqual(['Sort a Vec in Rust', 'Pasta for tonight', 'Lisbon, May 2027'])
})

test('at 900 px the list fits: titles cut with a tooltip, actions in view, no sideways scroll', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 900, height: 700 })
  const long = 'A very long question about sorting vectors of structs by several keys in Rust'
  await callApi(request, 'chat:save', {
    conversation: {
      ...OLD_CONVERSATION,
      id: 'e2e-long-title',
      title: long,
      turns: [{ id: 'u1', role: 'user', content: long, createdAt: new Date().toISOString() }],
    },
  })
  await callApi(request, 'chat:save', { conversation: OLD_CONVERSATION })
  await openPlayground(page)
  const row = group(page, 'Today').getByRole('listitem')
  await expect(row.locator('.conversation-title')).toHaveAttribute('title', long)
  const remove = row.getByRole('button', { name: `Delete conversation ${long}` })
  const box = await remove.boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(900)
  expect(await noHorizontalOverflow(page)).toBe(0)
  await searchBox(page).fill('carbonara')
  await expect.poll(() => titles(page)).toEqual(['Dinner ideas'])
  expect(await noHorizontalOverflow(page)).toBe(0)
  await panel(page).getByRole('listitem').last().scrollIntoViewIfNeeded()
  await page.mouse.move(0, 0)
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'conversations-900.png'),
    animations: 'disabled',
  })
})
