// Shared steps of the specs that chat: script the chat fakes, send a prompt, find the answers.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { E2E_CHAT_CONTROL_PORT_OFFSET } from './chat-fake-control'

export const CHAT_CONTROL = `http://127.0.0.1:${Number(process.env.MINDX_E2E_PORT ?? 5797) + E2E_CHAT_CONTROL_PORT_OFFSET}`

/** Posts to the chat fakes' control (`groq/reply`, `gemini/hold`, …) and returns its JSON answer. */
export async function control(request: APIRequestContext, path: string, data: unknown = {}) {
  const response = await request.post(`${CHAT_CONTROL}/chat/${path}`, { data })
  expect(response.ok()).toBe(true)
  return (await response.json()) as unknown
}

/** Types a prompt and sends it with Ctrl+Enter. */
export async function ask(page: Page, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).press('Control+Enter')
}

export const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true })
export const lastAnswer = (page: Page) =>
  response(page).getByRole('article', { name: 'Answer' }).last()
