// Hostile model answers (thousands of nested `>`/`*`, a deep list, a multi-megabyte line) show as
// plain text with a notice: the shell and the other screens keep working, before and after a reload.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { control, response } from './chat-steps'
import { E2E_DEFAULT_MODEL, E2E_TOKEN, NAV_ITEMS } from './e2e-constants'
import { callApi } from './studio-helpers'

const answers = (page: Page) => response(page).getByRole('article', { name: 'Answer' })

const HOSTILE_ANSWERS = [
  { text: `**fine bold**\n\n${'>'.repeat(3000)} deep quotes`, notice: 'it nests 3000 levels deep' },
  {
    text: `${'*'.repeat(3000)}starred${'*'.repeat(3000)}`,
    notice: 'its emphasis or links nest more than 32 levels deep',
  },
  {
    text: Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- level${i}`).join('\n'),
    notice: 'it nests 33 levels deep',
  },
  {
    text: `${'x'.repeat(2_000_000)}TAIL`,
    notice: 'it is 2,000,004 characters without a blank line',
  },
]

/** Every nav item opens its screen (the app is not blank and not stuck). */
async function visitEveryScreen(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Screens' })
  for (const name of NAV_ITEMS) {
    await nav.getByRole('button', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
  }
}

async function expectHostileAnswersAsPlainText(page: Page) {
  await expect(answers(page)).toHaveCount(HOSTILE_ANSWERS.length)
  for (const [index, { notice }] of HOSTILE_ANSWERS.entries()) {
    await expect(answers(page).nth(index).getByRole('note')).toContainText(
      `Shown as plain text: ${notice}`,
    )
  }
  await expect(answers(page).first().locator('strong')).toHaveText('fine bold')
  await expect(answers(page).first()).toContainText('deep quotes')
  await expect(answers(page).nth(1)).toContainText('starred')
}

test('hostile Markdown answers show as plain text; the app keeps working across a reload', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await control(request, 'groq/reset')
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await page.getByRole('button', { name: 'New conversation' }).click()
  await expect(page.getByText('Ask something to start.')).toBeVisible()
  const title = `hostile markdown ${Date.now()}`
  try {
    for (const [index, { text }] of HOSTILE_ANSWERS.entries()) {
      await control(request, 'groq/reply', { text })
      const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
      await prompt.fill(index === 0 ? title : `hostile answer ${index + 1}`)
      await prompt.press('Control+Enter')
      await expect(
        answers(page).nth(index).getByRole('button', { name: 'Copy answer' }),
      ).toBeVisible()
    }
    await expectHostileAnswersAsPlainText(page)
    await visitEveryScreen(page)
    await page.getByRole('button', { name: 'Playground', exact: true }).click()
    await expectHostileAnswersAsPlainText(page)

    // The stored conversation opens again after a reload (it once blanked the app for good).
    await page.reload()
    await page.getByRole('button', { name: 'Playground', exact: true }).click()
    await expect(page.getByRole('button', { name: title, exact: true })).toHaveAttribute(
      'aria-current',
      'true',
    )
    await expectHostileAnswersAsPlainText(page)
    await visitEveryScreen(page)
    expect(problems).toEqual([])
  } finally {
    // Later specs picture the saved-conversations list: leave it as it was.
    const saved = await callApi<{ id: string; title: string }[]>(request, 'chat:list')
    for (const conversation of saved.filter((c) => c.title === title)) {
      await callApi(request, 'chat:delete', { id: conversation.id })
    }
  }
})
