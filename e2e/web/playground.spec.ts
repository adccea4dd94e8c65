// The Playground in Chromium over serve mode against the fake providers: stream/stop, regenerate,
// history, compare, JSON mode, inert XSS, inline errors with their next step, persistence, screenshots.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_GROQ_KEY } from '../../test/fakes/groq-server'
import { ask, control, lastAnswer, response } from './chat-steps'
import { E2E_DEFAULT_MODEL, E2E_TOKEN } from './e2e-constants'
import { callApi, SCREENSHOT_DIR } from './studio-helpers'

/** Opens the Playground on a fresh conversation with the factory default (groq) selected. */
async function openPlayground(page: Page, request: APIRequestContext): Promise<string[]> {
  await control(request, 'groq/reset')
  // A 429 in an earlier test leaves Groq cooling down in this process (by design): start afresh.
  await callApi(request, 'providers:resetHealth', {})
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await page.getByRole('button', { name: 'New conversation' }).click()
  await expect(page.getByText('Ask something to start.')).toBeVisible()
  // The last conversation (another spec's) opened with its settings; start from plain ones.
  await page.getByRole('checkbox', { name: /JSON mode/ }).uncheck()
  await page.getByRole('textbox', { name: 'System prompt' }).fill('')
  return problems
}

// First, so the saved-conversations list in the picture holds only its own conversation.
test('screenshots: a conversation with a code block and metrics, and Compare', async ({
  page,
  request,
}) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await openPlayground(page, request)
  await page.getByRole('textbox', { name: 'System prompt' }).fill('You are a concise Rust tutor.')
  await control(request, 'groq/reply', {
    text: [
      'Use `sort_unstable` when you do not need a stable order — it is usually faster:',
      '',
      '```rust',
      'fn main() {',
      '    let mut scores = vec![42, 7, 19, 3];',
      '    scores.sort_unstable();',
      '    println!("{:?}", scores); // [3, 7, 19, 42]',
      '}',
      '```',
      '',
      '- **`sort`** keeps equal items in order (stable)',
      '- **`sort_by_key`** sorts by a derived key',
    ].join('\n'),
  })
  await ask(page, 'How do I sort a vector of numbers in Rust?')
  await expect(lastAnswer(page).getByRole('button', { name: 'Copy code' })).toBeVisible()
  await expect(lastAnswer(page).getByLabel('Answer metrics')).toContainText('Total')
  await expect(
    page
      .getByRole('button', { name: 'How do I sort a vector of numbers in Rust?', exact: true })
      .first(),
  ).toBeVisible()
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('And in reverse order?')
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'playground.png'), animations: 'disabled' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'playground-dark.png'),
    animations: 'disabled',
  })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('')
  await page.getByRole('textbox', { name: 'System prompt' }).fill('')
  await control(request, 'groq/reply', {
    text: 'A **monad** is a design pattern: a type with `bind` and `unit` that chains computations.',
  })
  await page.getByRole('button', { name: 'Compare' }).click()
  await page.getByRole('combobox', { name: 'Provider (column 2)' }).selectOption('mock')
  await ask(page, 'Explain a monad in one sentence.')
  await expect(
    page
      .getByRole('region', { name: 'Response from mock · mock-model' })
      .getByLabel('Answer metrics'),
  ).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: `Response from groq · ${E2E_DEFAULT_MODEL}` })
      .getByLabel('Answer metrics'),
  ).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'compare.png'), animations: 'disabled' })
})

test('an answer streams into Response, and Stop (Esc) closes the HTTP request mid-way', async ({
  page,
  request,
}) => {
  const problems = await openPlayground(page, request)
  const words = Array.from({ length: 60 }, (_, i) => `word${i + 1}`).join(' ')
  await control(request, 'groq/reply', { text: words })
  await control(request, 'groq/hold', { after: 5 })
  await ask(page, 'count for me')
  await expect(response(page)).toContainText('word3')
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(lastAnswer(page)).toContainText('Stopped.')
  await expect(lastAnswer(page)).not.toContainText('word60')
  const last = (await control(request, 'groq/last-chat')) as {
    settled: boolean
    closedEarly: boolean
  }
  expect(last).toMatchObject({ settled: true, closedEarly: true })
  await control(request, 'groq/release')
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled()
  expect(problems).toEqual([])
})

test('a reload mid-stream asks first, then keeps the prompt and the partial answer, marked interrupted', async ({
  page,
  request,
}) => {
  await openPlayground(page, request)
  const words = Array.from({ length: 60 }, (_, i) => `part${i + 1}`).join(' ')
  await control(request, 'groq/reply', { text: words })
  await control(request, 'groq/hold', { after: 5 })
  await ask(page, 'a long story please')
  await expect(response(page)).toContainText('part3')
  // What streamed so far reaches the saved conversation while the answer is still streaming.
  await expect
    .poll(async () => {
      const [latest] = await callApi<{ id: string }[]>(request, 'chat:list')
      const saved = await callApi<{ turns: { content: string }[] }>(request, 'chat:load', {
        id: latest?.id,
      })
      return saved.turns.at(-1)?.content ?? ''
    })
    .toContain('part3')
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type())
    void dialog.accept()
  })
  await page.reload()
  expect(dialogs).toEqual(['beforeunload'])
  // The reload comes back to the Playground and the conversation that was open.
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible()
  await expect(response(page).getByRole('article', { name: 'Your prompt' })).toContainText(
    'a long story please',
  )
  await expect(lastAnswer(page)).toContainText('part3')
  await expect(lastAnswer(page)).toContainText('Interrupted')
  await control(request, 'groq/release')
})

test('multi-turn history reaches the provider; Regenerate replaces the last answer; metrics show', async ({
  page,
  request,
}) => {
  await openPlayground(page, request)
  await control(request, 'groq/reply', { text: 'first answer' })
  await ask(page, 'question one')
  await expect(lastAnswer(page)).toContainText('first answer')
  await expect(lastAnswer(page).getByRole('definition').first()).toBeVisible()
  const metrics = lastAnswer(page).getByLabel('Answer metrics')
  await expect(metrics).toContainText('First token')
  await expect(metrics).toContainText('Completion')
  await expect(metrics).toContainText(`groq · ${E2E_DEFAULT_MODEL}`)
  await expect(metrics).toContainText('Base URL')

  await control(request, 'groq/reply', { text: 'second answer' })
  await ask(page, 'question two')
  await expect(lastAnswer(page)).toContainText('second answer')
  const sent = (await control(request, 'groq/last-chat')) as { body: { messages: unknown[] } }
  expect(sent.body.messages).toEqual([
    { role: 'user', content: 'question one' },
    { role: 'assistant', content: 'first answer' },
    { role: 'user', content: 'question two' },
  ])

  await control(request, 'groq/reply', { text: 'regenerated answer' })
  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click()
  await expect(lastAnswer(page)).toContainText('regenerated answer')
  await expect(response(page)).not.toContainText('second answer')
  await expect(response(page).getByRole('article', { name: 'Answer' })).toHaveCount(2)

  // Edit the first prompt and resend: what followed it is replaced.
  await control(request, 'groq/reply', { text: 'answer to the edited prompt' })
  await response(page)
    .getByRole('article', { name: 'Your prompt' })
    .first()
    .getByRole('button', { name: 'Edit' })
    .click()
  await page.getByRole('textbox', { name: 'Edited prompt' }).fill('question one, edited')
  await page.getByRole('button', { name: 'Resend' }).click()
  await expect(lastAnswer(page)).toContainText('answer to the edited prompt')
  await expect(response(page).getByRole('article', { name: 'Answer' })).toHaveCount(1)
  await expect(response(page)).toContainText('question one, edited')
})

test('conversations survive a reload and are listed per workspace', async ({ page, request }) => {
  await openPlayground(page, request)
  await control(request, 'groq/reply', { text: 'kept on disk' })
  const title = `remember this conversation ${Date.now()}`
  await ask(page, title)
  await expect(lastAnswer(page)).toContainText('kept on disk')
  const list = page.getByRole('list').filter({ hasText: title })
  await expect(list).toBeVisible()
  // Export: a real download, Markdown and JSON, neither with the workspace's key in it.
  for (const [button, suffix] of [
    ['Export Markdown', '.md'],
    ['Export JSON', '.json'],
  ] as const) {
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: button }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^remember-this-conversation-\\d+\\${suffix}$`),
    )
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).toContain('kept on disk')
    expect(text).not.toContain(DEFAULT_GROQ_KEY)
  }
  await page.reload()
  await page.getByRole('button', { name: 'Playground', exact: true }).click()
  await expect(response(page)).toContainText('kept on disk')
  await expect(page.getByRole('button', { name: title, exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  )
})

test('JSON mode flags an invalid answer with the parse error, and pretty-prints a valid one', async ({
  page,
  request,
}) => {
  await openPlayground(page, request)
  await page.getByRole('checkbox', { name: /JSON mode/ }).check()
  await control(request, 'groq/invalid-json', { on: true })
  await ask(page, 'give me json')
  await expect(lastAnswer(page)).toContainText('Invalid JSON')
  await expect(lastAnswer(page).getByLabel('Answer text as received')).toHaveText(
    '{"echo":"give me json',
  )
  await expect(lastAnswer(page)).toContainText(/JSON/)
  await control(request, 'groq/invalid-json', { on: false })
  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click()
  await expect(lastAnswer(page)).toContainText('Valid JSON')
  await expect(lastAnswer(page).locator('pre')).toContainText('"echo": "give me json"')
  await page.getByRole('checkbox', { name: /JSON mode/ }).uncheck()
})

test('an XSS payload in an answer renders inert', async ({ page, request }) => {
  const problems = await openPlayground(page, request)
  await control(request, 'groq/reply', {
    text: [
      'Look: <img src=x onerror="window.__xss=1"> done.',
      '',
      '[click me](javascript:window.__xss=2) and [safe](https://example.com/docs)',
      '',
      '<script>window.__xss=3</script>',
      '',
      '![pic](javascript:window.__xss=4)',
    ].join('\n'),
  })
  await ask(page, 'be evil')
  const answer = lastAnswer(page)
  await expect(answer).toContainText('<img src=x onerror="window.__xss=1">')
  await expect(answer.locator('img, script, iframe')).toHaveCount(0)
  await expect(answer.locator('a[href^="javascript"]')).toHaveCount(0)
  await expect(answer.getByRole('link', { name: 'click me' })).toHaveCount(0)
  await answer.getByText('click me').click()
  await expect(answer.getByRole('link', { name: 'safe' })).toHaveAttribute(
    'href',
    'https://example.com/docs',
  )
  await expect(answer.getByRole('link', { name: 'safe' })).toHaveAttribute('target', '_blank')
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(problems).toEqual([])
})

test('errors show inline with their next step: retry in N s for rate limits, Open Providers for auth', async ({
  page,
  request,
}) => {
  await openPlayground(page, request)
  await control(request, 'groq/fail', { status: 429, headers: { 'retry-after': '30' }, times: 1 })
  await ask(page, 'too fast')
  const alert = lastAnswer(page).getByRole('alert')
  await expect(alert).toContainText('Rate limited')
  await expect(alert.getByRole('button', { name: /Retry in \d+ s/ })).toBeDisabled()
  // The 429 put Groq in cooldown for 30 s (the factory would answer that at once): clear it.
  await callApi(request, 'providers:resetHealth', {})

  await control(request, 'groq/fail', { status: 401, times: 1 })
  await ask(page, 'who am i')
  await expect(lastAnswer(page).getByRole('alert')).toContainText('refused the key')
  await lastAnswer(page).getByRole('button', { name: 'Open Providers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible()
})

test('Compare streams one prompt to two models side by side with metrics per column', async ({
  page,
  request,
}) => {
  await openPlayground(page, request)
  await control(request, 'groq/reply', { text: 'Groq says hello' })
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('combobox', { name: 'Model (column 1)' })).toHaveValue(
    E2E_DEFAULT_MODEL,
  )
  await page.getByRole('combobox', { name: 'Provider (column 2)' }).selectOption('mock')
  await expect(page.getByRole('combobox', { name: 'Model (column 2)' })).toHaveValue('mock-model')
  await ask(page, 'compare this')
  const groqColumn = page.getByRole('region', { name: `Response from groq · ${E2E_DEFAULT_MODEL}` })
  const mockColumn = page.getByRole('region', { name: 'Response from mock · mock-model' })
  await expect(groqColumn).toContainText('Groq says hello')
  await expect(mockColumn).toContainText('You said: compare this')
  await expect(groqColumn.getByLabel('Answer metrics')).toContainText('First token')
  await expect(mockColumn.getByLabel('Answer metrics')).toContainText('First token')
  await expect(mockColumn.getByLabel('Answer metrics')).toContainText('mock · mock-model')
})
