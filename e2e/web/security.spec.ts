// Serve mode's doors over real HTTP: 401 without the token, 403 for foreign Host/Origin, CSP.
import { expect, test } from '@playwright/test'
import { request as httpRequest } from 'node:http'
import { E2E_TOKEN } from './e2e-constants'

const auth = { authorization: `Bearer ${E2E_TOKEN}` }

test('API calls without the right token get 401', async ({ request }) => {
  const none = await request.post('/api/app:info', { data: {} })
  expect(none.status()).toBe(401)
  expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  const wrong = await request.post('/api/app:info', {
    data: {},
    headers: { authorization: 'Bearer not-the-token' },
  })
  expect(wrong.status()).toBe(401)
  const events = await request.get('/api/events')
  expect(events.status()).toBe(401)
})

test('a foreign Origin gets 403, even with the token', async ({ request }) => {
  const response = await request.post('/api/app:info', {
    data: {},
    headers: { ...auth, origin: 'https://evil.example' },
  })
  expect(response.status()).toBe(403)
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
})

test('a foreign Host (DNS rebinding) gets 403', async ({ baseURL }) => {
  const { port } = new URL(baseURL ?? '')
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/', headers: { host: `rebound.example:${port}` } },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end()
  })
  expect(status).toBe(403)
})

test('the page is served with a strict CSP and the token works', async ({ request }) => {
  const page = await request.get('/')
  const csp = page.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self'(;|$)/)
  expect(csp).toContain("connect-src 'self'")
  const info = await request.post('/api/app:info', { data: {}, headers: auth })
  expect(info.status()).toBe(200)
  expect(await info.json()).toMatchObject({ ok: true, value: { transport: 'web' } })
})

test('config paths stay inside the workspace: .mindx/ and outside paths are refused, nothing written', async ({
  request,
}) => {
  const call = (channel: string, data: unknown) =>
    request.post(`/api/${channel}`, { data, headers: auth })
  const read = (await (await call('config:read', {})).json()) as {
    value: { text: string; revision: string }
  }
  for (const target of ['.mindx/secrets.json', '/etc/passwd', '../outside.json']) {
    const text = JSON.stringify({ llm: { factory_config_path: target } })
    const saved = await call('config:save', { text, baseRevision: read.value.revision })
    expect(saved.status()).toBe(422)
    const body = (await saved.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('path_outside_workspace')
    expect(body.error.message).toContain(target.replace('../', ''))
  }
  // Nothing was written: the same revision still saves, and the editor still reads the factory json.
  const after = (await (await call('config:read', {})).json()) as { value: { revision: string } }
  expect(after.value.revision).toBe(read.value.revision)
  // A save based on a revision that is not the one on disk is a 409 conflict, not a silent overwrite.
  const stale = await call('config:save', { text: read.value.text, baseRevision: 'stale' })
  expect(stale.status()).toBe(409)
  expect(await stale.json()).toMatchObject({ ok: false, error: { code: 'conflict' } })
  // The file API never opens anything outside the workspace's own config files.
  const opened = await call('config:openInEditor', { path: '/etc/passwd' })
  expect(opened.status()).toBe(404)
})
