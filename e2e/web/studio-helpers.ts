// Shared steps of the Providers / Config / Cloud Run specs: open the app, call the API, watch responses.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { E2E_TOKEN } from './e2e-constants'

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')

/** Calls a contract method over HTTP, as the page does. */
export async function callApi<T>(request: APIRequestContext, channel: string, input: unknown = {}) {
  const response = await request.post(`/api/${channel}`, {
    headers: { authorization: `Bearer ${E2E_TOKEN}` },
    data: input,
  })
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`)
  return body.value as T
}

export async function workspaceOf(request: APIRequestContext): Promise<string> {
  return (await callApi<{ workspace: string }>(request, 'app:info')).workspace
}

export function factoryJsonPath(workspace: string): string {
  return join(workspace, 'data', 'config', 'llm_factory_config.json')
}

export async function readFactoryJson(workspace: string): Promise<string> {
  return readFile(factoryJsonPath(workspace), 'utf8')
}

/** Every API response body the page receives (SSE included), to check nothing carries a key. */
export function recordApiResponses(page: Page): string[] {
  const bodies: string[] = []
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return
    if (response.headers()['content-type']?.includes('text/event-stream')) return
    void response.text().then(
      (text) => bodies.push(text),
      () => undefined,
    )
  })
  return bodies
}

export async function openScreen(page: Page, name: string): Promise<void> {
  await page.goto(`/?token=${E2E_TOKEN}`)
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name, exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
}
