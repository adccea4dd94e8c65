// Serve mode's HTTP server: token (401), Host/Origin (403), a round trip, SSE events, static files.
import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import type { RunningServeServer } from '../../src/main/serve/server'
import { startServeServer } from '../../src/main/serve/server'
import { cannedHandlers, makeTempDir } from './helpers'

const TOKEN = 'test-token-123'
let server: RunningServeServer
let cleanup: () => Promise<void>
const events = createEventBus()

/** Raw http so Host and Origin can be set freely (fetch forbids changing Host). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }

beforeEach(async () => {
  const temp = await makeTempDir()
  cleanup = temp.cleanup
  await mkdir(join(temp.dir, 'assets'))
  await writeFile(join(temp.dir, 'index.html'), '<!doctype html><title>studio</title>')
  await writeFile(join(temp.dir, 'assets', 'app.js'), 'console.log(1)')
  server = await startServeServer({
    dispatch: createDispatcher(cannedHandlers()),
    events,
    token: TOKEN,
    port: 0,
    staticDir: temp.dir,
  })
})

afterEach(async () => {
  await server.close()
  await cleanup()
})

describe('serve server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(server.openUrl).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`)
  })

  it('answers 401 {code: unauthorized} without the right token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: TOKEN },
    ]
    for (const headers of attempts) {
      const res = await send('/api/app:info', { method: 'POST', headers })
      expect(res.status).toBe(401)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
  })

  it('answers 403 to a foreign Host or Origin, even with the token', async () => {
    const foreignHost = await send('/api/app:info', {
      method: 'POST',
      headers: { ...auth, host: 'evil.example:80' },
    })
    expect(foreignHost.status).toBe(403)
    const foreignOrigin = await send('/api/app:info', {
      method: 'POST',
      headers: { ...auth, origin: 'http://evil.example' },
    })
    expect(foreignOrigin.status).toBe(403)
    expect(JSON.parse(foreignOrigin.body)).toMatchObject({ error: { code: 'forbidden' } })
    const page = await send('/', { headers: { host: `attacker.test:${server.port}` } })
    expect(page.status).toBe(403)
  })

  it('accepts localhost and same-origin requests', async () => {
    const res = await send('/api/app:info', {
      method: 'POST',
      headers: {
        ...auth,
        host: `localhost:${server.port}`,
        origin: `http://localhost:${server.port}`,
      },
    })
    expect(res.status).toBe(200)
  })

  it('round-trips a contract call and reports zod rejections as 400', async () => {
    const ok = await send('/api/factory:resolve', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ provider: 'groq' }),
    })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { provider: 'groq' } })
    const bad = await send('/api/factory:resolve', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ provider: 1 }),
    })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String) },
    })
    const notJson = await send('/api/app:info', { method: 'POST', headers: auth, body: '{' })
    expect(notJson.status).toBe(400)
    const unknown = await send('/api/nope:nothing', { method: 'POST', headers: auth })
    expect(unknown.status).toBe(404)
    const wrongMethod = await send('/api/app:info', { headers: auth })
    expect(wrongMethod.status).toBe(405)
  })

  it('delivers events over SSE', async () => {
    const controller = new AbortController()
    const response = await fetch(`${server.origin}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toContain(': connected')
    events.emit('workspace:changed', { workspace: '/other', version: '1', transport: 'web' })
    let text = ''
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? ''
    expect(text).toBe(
      'event: workspace:changed\ndata: {"workspace":"/other","version":"1","transport":"web"}\n\n',
    )
    controller.abort()
  })

  it('refuses the event stream without the token', async () => {
    expect((await send('/api/events')).status).toBe(401)
  })

  it('serves the renderer with a strict CSP, falls back to index.html, blocks traversal', async () => {
    const page = await send('/')
    expect(page.status).toBe(200)
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("connect-src 'self'")
    expect((await send('/assets/app.js')).body).toBe('console.log(1)')
    expect((await send('/some/route')).body).toContain('<title>studio</title>')
    expect((await send('/assets/missing.js')).status).toBe(404)
    expect((await send('/..%2f..%2fetc%2fpasswd')).status).toBe(400)
  })
})
