// Shared steps of the Providers / Config / Cloud Run specs: open the app, call the API, watch responses.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
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

/** Deletes every saved conversation: the Playground opens the latest one, with its provider and model. */
export async function forgetConversations(request: APIRequestContext): Promise<void> {
  for (const { id } of await callApi<{ id: string }[]>(request, 'chat:list')) {
    await callApi(request, 'chat:delete', { id })
  }
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

/**
 * For a spec that edits the factory json of the workspace every spec shares: the workspace and the
 * json as it was before the spec's tests (filled in before they run), written back after them.
 */
export function keepFactoryJson(): { workspace: string; original: string } {
  const kept = { workspace: '', original: '' }
  test.beforeAll(async ({ request }) => {
    kept.workspace = await workspaceOf(request)
    kept.original = await readFactoryJson(kept.workspace)
  })
  test.afterAll(async () => {
    await writeFile(factoryJsonPath(kept.workspace), kept.original)
  })
  return kept
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

export interface ServeProcess {
  /** The address to open, token included. */
  url: string
  stop(): Promise<void>
}

/** Starts `npm run serve` on another workspace (a free port), for specs that need their own. */
export async function startServe(workspace: string): Promise<ServeProcess> {
  const { spawn } = await import('node:child_process')
  const root = join(import.meta.dirname, '..', '..')
  // The machine's own keys and hosts must not leak into what the tests see.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MINDX_|GEMINI_|GROQ_|OLLAMA_)/.test(name) && name !== 'GOOGLE_API_KEY',
    ),
  )
  const args = ['run', '--silent', 'serve', '--', '--workspace', workspace, '--port', '0']
  const child = spawn('npm', [...args, '--token', 'e2e-checkout-token'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /https?:\/\/\S+/.exec(out)
      if (match) resolve(match[0])
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)))
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.on('exit', () => resolve())
        // The whole group: npm, tsx and the server under them.
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
      }),
  }
}
