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
