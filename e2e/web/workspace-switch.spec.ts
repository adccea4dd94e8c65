// Serve mode's workspace switcher: open a second workspace by path (a refused one first), every
// screen follows it (status bar, Playground default, Config), then back through the recent list.
import { expect, test } from '@playwright/test'
import { dirname, join } from 'node:path'
import {
  E2E_DEFAULT_MODEL,
  E2E_SECOND_WORKSPACE,
  E2E_SECOND_WORKSPACE_MODEL,
} from './e2e-constants'
import {
  callApi,
  forgetConversations,
  openScreen,
  SCREENSHOT_DIR,
  workspaceOf,
} from './studio-helpers'

let first = ''

test.beforeAll(async ({ request }) => {
  first = await workspaceOf(request)
  // The Playground reopens the latest conversation with its settings: start from the default.
  await forgetConversations(request)
})

test.afterAll(async ({ request }) => {
  // Every later spec expects the first workspace.
  if ((await workspaceOf(request)) !== first)
    await callApi(request, 'workspace:open', { path: first })
})

test('switches to a second workspace by path and back from the recent list', async ({ page }) => {
  const second = join(dirname(first), E2E_SECOND_WORKSPACE)
  await openScreen(page, 'Playground')
  const bar = page.getByRole('contentinfo', { name: 'Status bar' })
  const model = page.getByRole('combobox', { name: 'Model', exact: true })
  await expect(bar).toContainText(`groq · ${E2E_DEFAULT_MODEL}`)
  await expect(model).toHaveValue(E2E_DEFAULT_MODEL)

  await bar.getByRole('button', { name: /^Workspace mindx-workspace/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch workspace' })
  const path = dialog.getByLabel('Open by path')
  await expect(path).toBeFocused()
  await expect(dialog).toContainText(`opens workspaces under ${dirname(first)} only`)
  // Outside what the server allows: said, and nothing changes.
  await path.fill('/etc')
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText(
    '/etc is outside the folders this server may open',
  )
  await path.fill(second)
  await path.press('Enter')
  await expect(dialog).toBeHidden()

  await expect(bar).toContainText(E2E_SECOND_WORKSPACE)
  await expect(bar).toContainText(`gemini · ${E2E_SECOND_WORKSPACE_MODEL}`)
  await expect(page.getByRole('combobox', { name: 'Provider', exact: true })).toHaveValue('gemini')
  await expect(model).toHaveValue(E2E_SECOND_WORKSPACE_MODEL)
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Config' })
    .click()
  await expect(page.locator('.config-path')).toContainText(join(E2E_SECOND_WORKSPACE, 'data'))

  // Back with Ctrl+O and the recent list.
  await page.keyboard.press('Control+o')
  await expect(dialog.getByRole('button', { name: /^Open mindx-workspace/ })).toBeVisible()
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'workspace-switcher.png'),
    animations: 'disabled',
  })
  await dialog.getByRole('button', { name: /^Open mindx-workspace/ }).click()
  await expect(dialog).toBeHidden()
  await expect(bar).toContainText(`groq · ${E2E_DEFAULT_MODEL}`)
  await expect(page.locator('.config-path')).toContainText(join('mindx-workspace', 'data'))
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Playground' })
    .click()
  await expect(model).toHaveValue(E2E_DEFAULT_MODEL)
  expect(await workspaceOf(page.request)).toBe(first)
})
