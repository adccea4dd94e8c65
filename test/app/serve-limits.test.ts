// Serve mode's request limits: deep JSON (400), one huge body (413), too many bytes in flight at
// once (503), a body that trickles in (408); each a typed {ok:false, error} and the server stays up.
import type { ClientRequest } from 'node:http'
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import type { RunningServeServer } from '../../src/main/serve/server'
import { startServeServer } from '../../src/main/serve/server'
import { cannedHandlers } from './helpers'
import type { RealServe } from './real-serve'
import { REAL_SERVE_TOKEN, startRealServe } from './real-serve'

const TOKEN = 'limits-token'
const KIB = 1024
let server: RunningServeServer

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  json: { ok: boolean; error?: { code: string; message: string } }
}

/** A POST whose body the test writes piece by piece; `answer` settles when the response ends. */
function openPost(
  port: number,
  path: string,
  token: string,
  headers: Record<string, string> = {},
): { req: ClientRequest; answer: Promise<Answer> } {
  let req!: ClientRequest
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...headers,
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(body) }),
        )
      },
    )
    // The server may drop the connection after answering a refused body: that is expected.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
  })
  return { req, answer }
}

async function post(port: number, path: string, body: string, token = TOKEN): Promise<Answer> {
  const { req, answer } = openPost(port, path, token)
  req.end(body)
  return answer
}

/** `{"text":"xxx…"}` of about `bytes` bytes. */
const textBody = (bytes: number) => JSON.stringify({ text: 'x'.repeat(bytes - 11) })
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth)

describe('serve request limits (canned handlers, small limits)', () => {
  beforeEach(async () => {
    server = await startServeServer({
      dispatch: createDispatcher(
        cannedHandlers({ 'config:validate': () => Promise.resolve({ ok: true }) }),
      ),
      events: createEventBus(),
      token: TOKEN,
      port: 0,
      limits: { maxBodyBytes: 256 * KIB, maxInFlightBodyBytes: 384 * KIB, bodyTimeoutMs: 300 },
    })
  })
  afterEach(() => server.close())

  it('answers deeply nested JSON with a typed 400, at any depth', async () => {
    for (const depth of [65, 100, 5_000, 100_000]) {
      const res = await post(server.port, '/api/factory:resolve', `{"provider":${nested(depth)}}`)
      expect(res.status).toBe(400)
      expect(res.json.error).toEqual({
        code: 'invalid_input',
        message: 'The input is refused: it nests deeper than 64 levels. Send plain JSON data.',
      })
    }
    const shallow = await post(server.port, '/api/factory:resolve', `{"x":${nested(10)}}`)
    expect(shallow.status).toBe(400)
    expect(shallow.json.error?.message).toMatch(/^Invalid input: .*Unrecognized key/)
  })

  it('refuses one body over the size limit with 413, declared or streamed', async () => {
    const declared = await post(server.port, '/api/config:validate', textBody(300 * KIB))
    expect(declared.status).toBe(413)
    expect(declared.json.error).toEqual({
      code: 'invalid_input',
      message: 'The request body is larger than 0.3 MiB; send less at once.',
    })
    const { req, answer } = openPost(server.port, '/api/config:validate', TOKEN, {
      'transfer-encoding': 'chunked',
    })
    for (let i = 0; i < 6; i++) req.write('x'.repeat(64 * KIB))
    req.end()
    expect((await answer).status).toBe(413)
    expect((await post(server.port, '/api/config:validate', textBody(200 * KIB))).status).toBe(200)
  })

  it('bounds the bytes of all bodies in flight together with a typed 503, then recovers', async () => {
    const first = openPost(server.port, '/api/config:validate', TOKEN, {
      'content-length': String(250 * KIB),
    })
    const firstBody = textBody(250 * KIB)
    // Most of the first body arrives and waits for its end, holding its bytes.
    await new Promise<void>((resolve) =>
      first.req.write(firstBody.slice(0, 200 * KIB), () => resolve()),
    )
    // Until the server has read those bytes a second body still fits; once it has, it does not.
    let second = await post(server.port, '/api/config:validate', textBody(250 * KIB))
    for (let tries = 0; second.status === 200 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      second = await post(server.port, '/api/config:validate', textBody(250 * KIB))
    }
    expect(second.status).toBe(503)
    expect(second.headers['retry-after']).toBe('1')
    expect(second.json.error).toEqual({
      code: 'rate_limit',
      message: 'The server is receiving other large requests right now; try again in a moment.',
    })
    first.req.end(firstBody.slice(200 * KIB))
    expect((await first.answer).status).toBe(200)
    // Both bodies' bytes are back: the same large body now fits.
    expect((await post(server.port, '/api/config:validate', textBody(250 * KIB))).status).toBe(200)
  })

  it('cuts a body that trickles in with a typed 408 and closes the connection', async () => {
    const { req, answer } = openPost(server.port, '/api/config:validate', TOKEN, {
      'content-length': '1000',
    })
    req.write('{"text":"')
    const res = await answer
    expect(res.status).toBe(408)
    expect(res.headers.connection).toBe('close')
    expect(res.json.error).toEqual({
      code: 'timeout',
      message: 'The request body did not arrive within 0.3 s; send it again.',
    })
    req.destroy()
    const info = await post(server.port, '/api/app:info', '{}')
    expect(info).toMatchObject({ status: 200, json: { ok: true } })
  })
})

describe('deep JSON against the real handlers', () => {
  let real: RealServe
  beforeEach(async () => {
    real = await startRealServe()
  })
  afterEach(() => real.close())

  it('config:applyEdit takes a 60-level value and refuses 100 levels with 400, not 500', async () => {
    // jsonc-parser's formatter throws a TypeError on values nested ~99 levels deep: the old 500.
    const edit = (depth: number) =>
      post(
        real.server.port,
        '/api/config:applyEdit',
        `{"text":"{}","path":["a"],"value":${nested(depth)}}`,
        REAL_SERVE_TOKEN,
      )
    const fine = await edit(60)
    expect(fine.status).toBe(200)
    const deep = await edit(100)
    expect(deep.status).toBe(400)
    expect(deep.json.error?.code).toBe('invalid_input')
    expect(real.unexpected).toEqual([])
  })
})
