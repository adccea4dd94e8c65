// Config in Chromium over serve mode: invalid JSON refused at line:col with the file untouched, valid
// edits keep unknown keys, disk changes (reload / keep-mine / take-theirs), leaving asks first.
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { ServeProcess } from './studio-helpers'
import {
  factoryJsonPath,
  keepFactoryJson,
  openScreen,
  readFactoryJson,
  SCREENSHOT_DIR,
  startServe,
} from './studio-helpers'

// Shared workspace: the file goes back as the server seeded it after these tests.
const kept = keepFactoryJson()

/** Replaces the whole JSON view text, as typing or pasting would. */
async function replaceJson(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'JSON' }).click()
  const editor = page.getByRole('textbox', { name: 'llm_factory_config.json' })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(text)
}

test('an invalid JSON edit is refused with line:col and the file on disk is unchanged', async ({
  page,
}) => {
  await openScreen(page, 'Config')
  const before = await readFactoryJson(kept.workspace)
  const broken = before.replace('"groq",', '"groq",,')
  await replaceJson(page, broken)
  await expect(page.getByText(/^Line 3, column \d+: invalid JSON/)).toBeVisible()
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText(
    /Not saved — the file on disk is unchanged\. .*llm_factory_config\.json:3:\d+: invalid JSON/,
  )
  expect(await readFactoryJson(kept.workspace)).toBe(before)
  // A schema problem (not syntax) is caught too, pointing at the value.
  await replaceJson(page, before.replace('"groq",', '42,'))
  await expect(
    page.getByText(/^Line 3, column \d+: default_provider_preference_order\[0\]/),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Revert' }).click()
  await expect(page.getByText('Unsaved changes')).toHaveCount(0)
})

test('a valid edit round-trips unknown keys, key order and formatting', async ({ page }) => {
  const withUnknown = kept.original.replace(
    '{\n',
    '{\n  "rate_limit_profiles": {\n    "groq": { "rpm": 30, "rph": 14400 }\n  },\n',
  )
  await writeFile(factoryJsonPath(kept.workspace), withUnknown)
  await openScreen(page, 'Config')
  await expect(
    page.getByRole('list', { name: 'Sections the form leaves to the JSON view' }),
  ).toContainText('rate_limit_profiles')
  const model = page.getByRole('textbox', { name: 'gemini model override' })
  await model.fill('gemini-2.5-pro')
  await model.press('Enter')
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Saved. The previous version is kept as .bak')).toBeVisible()
  const saved = await readFactoryJson(kept.workspace)
  expect(saved).toContain('    "groq": { "rpm": 30, "rph": 14400 }')
  expect(saved.indexOf('rate_limit_profiles')).toBeLessThan(saved.indexOf('default_provider'))
  expect(saved).toContain('"default_model_override": "gemini-2.5-pro"')
  // Everything else is byte for byte what it was.
  expect(saved.replace(/,\n\s*"default_model_override": "gemini-2.5-pro"/, '')).toBe(withUnknown)
  await writeFile(factoryJsonPath(kept.workspace), kept.original)
})

test('a change on disk reloads a clean editor and offers keep-mine / take-theirs when dirty', async ({
  page,
}) => {
  await openScreen(page, 'Config')
  await page.getByRole('tab', { name: 'JSON' }).click()
  const editor = page.getByRole('textbox', { name: 'llm_factory_config.json' })
  await expect(editor).toContainText('default_provider_preference_order')

  await writeFile(
    factoryJsonPath(kept.workspace),
    kept.original.replace('{\n', '{\n  "note": "from git pull",\n'),
  )
  await expect(page.getByText('Reloaded: the file changed on disk.')).toBeVisible()
  await expect(editor).toContainText('from git pull')

  await replaceJson(page, kept.original.replace('{\n', '{\n  "note": "mine",\n'))
  // The edit has reached the store (dirty) before the disk changes under it.
  await expect(page.getByText('Unsaved changes').first()).toBeVisible()
  await writeFile(
    factoryJsonPath(kept.workspace),
    kept.original.replace('{\n', '{\n  "note": "theirs",\n'),
  )
  const banner = page.getByRole('alert').filter({ hasText: 'The file changed on disk' })
  await expect(banner).toBeVisible()
  await banner.getByRole('button', { name: 'Show diff' }).click()
  await expect(banner.getByLabel(/Differences/)).toContainText('−   "note": "theirs",')
  await expect(banner).toContainText('− On disk (theirs)+ Your edits (mine)')
  // For a look, not the README: the draft here was typed from the raw file (the test's own key).
  await page.screenshot({ path: test.info().outputPath('config-diff.png'), animations: 'disabled' })
  await banner.getByRole('button', { name: 'Take theirs' }).click()
  await expect(editor).toContainText('"theirs"')
  await expect(page.getByText('Unsaved changes')).toHaveCount(0)

  await replaceJson(page, kept.original.replace('{\n', '{\n  "note": "mine again",\n'))
  // The edit has reached the store (dirty) before the disk changes under it.
  await expect(page.getByText('Unsaved changes').first()).toBeVisible()
  await writeFile(factoryJsonPath(kept.workspace), kept.original)
  await page.getByRole('alert').getByRole('button', { name: 'Keep mine' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Saved.', { exact: false })).toBeVisible()
  expect(await readFactoryJson(kept.workspace)).toContain('"note": "mine again"')
  await writeFile(factoryJsonPath(kept.workspace), kept.original)
})

test('leaving with unsaved changes asks first', async ({ page }) => {
  await openScreen(page, 'Config')
  const model = page.getByRole('textbox', { name: 'ollama model override' })
  await model.fill('phi3:mini')
  await model.press('Enter')
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Screens' })
  await nav.getByRole('button', { name: 'Providers', exact: true }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Config' })).toBeVisible()
  await nav.getByRole('button', { name: 'Providers', exact: true }).click()
  await dialog.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible()
  expect(await readFactoryJson(kept.workspace)).toBe(kept.original)
})

test('the provenance panel shows the whole chain, and .env stays masked', async ({ page }) => {
  await openScreen(page, 'Config')
  const panel = page.getByRole('region', { name: 'Provenance' })
  await expect(panel.getByRole('list', { name: 'Model: layers consulted' })).toContainText(
    'groq_settings_for_factory.default_model_override',
  )
  await expect(panel.getByRole('list', { name: 'Provider: layers consulted' })).toContainText(
    'used',
  )
})

test.describe('on a copy of a real mindX checkout (test/fixtures/mindx-checkout)', () => {
  let checkout = ''
  let serve: ServeProcess | undefined
  const factoryText = () =>
    readFile(join(checkout, 'data', 'config', 'llm_factory_config.json'), 'utf8')

  test.beforeAll(async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'mindx-e2e-checkout-'))
    checkout = join(scratch, 'mindx-checkout')
    // Never write into the fixture: the spec works on a copy.
    await cp(
      join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'mindx-checkout'),
      checkout,
      {
        recursive: true,
      },
    )
    serve = await startServe(checkout)
  })
  test.afterAll(async () => {
    await serve?.stop()
    await rm(dirname(checkout), { recursive: true, force: true })
  })

  test('the form shows what it understands, edits keep every unknown section, .env is masked', async ({
    page,
  }) => {
    const before = await factoryText()
    await page.goto(serve!.url)
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Config' })
      .click()
    const others = page.getByRole('list', { name: 'Sections the form leaves to the JSON view' })
    for (const section of ['llm', 'rate_limit_profiles', 'execution_timeouts', 'free_tier_pool']) {
      await expect(others).toContainText(section)
    }
    const order = page.getByRole('list', { name: 'Provider preference order (form)' })
    await expect(order).toContainText('vllm')
    // vllm, first of mindX's order, has a handler now: it wins from the preference order.
    await expect(page.getByRole('list', { name: 'Provider: layers consulted' })).toContainText(
      'default_provider_preference_order[0]',
    )

    const model = page.getByRole('textbox', { name: 'ollama model override' })
    await model.fill('qwen3:4b')
    await model.press('Enter')
    await page.getByRole('button', { name: 'Move ollama up' }).click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByText('Saved.', { exact: false })).toBeVisible()

    const after = JSON.parse(await factoryText()) as Record<string, unknown>
    const expected = JSON.parse(before) as Record<string, unknown>
    const order0 = expected.default_provider_preference_order as string[]
    expect(after).toEqual({
      ...expected,
      default_provider_preference_order: [order0[1], order0[0], ...order0.slice(2)],
      ollama_settings_for_factory: { default_model_override: 'qwen3:4b' },
    })
    // The provenance panel names what the new override shadows.
    await expect(page.getByRole('region', { name: 'Provenance' })).toContainText(
      'llm.ollama.default_model in llm_factory_config.json is shadowed by ollama_settings_for_factory.default_model_override here',
    )

    const sources = page.getByRole('region', { name: 'Global config and .env (read-only)' })
    await sources.getByText('.env', { exact: true }).click()
    await expect(sources).toContainText('MINDX_LLM_GROQ_API_KEY=gsk_…0000')
    await expect(sources).not.toContainText('gsk_fixture_not_a_real_key')
    await expect(sources.getByText('skipped by mindX')).toBeVisible()
    await sources.getByText('.env', { exact: true }).click()

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.getByRole('heading', { level: 1 }).focus()
    await page.setViewportSize({ width: 1280, height: 1640 })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'config.png'), animations: 'disabled' })
    // The JSON editor in dark mode: token colours keep 4.5:1 there too.
    await page.getByRole('tab', { name: 'JSON' }).click()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'config-json-dark.png'),
      animations: 'disabled',
    })
    await page.emulateMedia({ colorScheme: 'light' })
  })
})

test('the three screens and the JSON editor load with no console errors (CSP included)', async ({
  page,
}) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await openScreen(page, 'Config')
  await page.getByRole('tab', { name: 'JSON' }).click()
  await expect(page.getByRole('textbox', { name: 'llm_factory_config.json' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Screens' })
  for (const name of ['Providers', 'Cloud Run models']) {
    await nav.getByRole('button', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
  }
  await expect(page.getByRole('table', { name: 'Cloud Run friendly models' })).toBeVisible()
  expect(problems).toEqual([])
})
