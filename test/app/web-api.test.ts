// The web AppApi against a real serve-mode server: calls, AppErrors, SSE events, token handling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import type { RunningServeServer } from '../../src/main/serve/server'
import { startServeServer } from '../../src/main/serve/server'
import { AppError } from '../../src/renderer/platform/app-api'
import { parseSseBlocks } from '../../src/renderer/platform/sse-client'
import { createWebAppApi, takeToken, TOKEN_STORAGE_KEY } from '../../src/renderer/platform/web-api'
import { cannedHandlers } from './helpers'

const TOKEN = 'web-api-token'
const events = createEventBus()
let server: RunningServeServer

beforeAll(async () => {
  server = await startServeServer({
    dispatch: createDispatcher(cannedHandlers()),
    events,
    token: TOKEN,
    port: 0,
  })
})
afterAll(() => server.close())

describe('createWebAppApi', () => {
  it('calls methods and returns their values', async () => {
    const api = createWebAppApi({ token: TOKEN, baseUrl: server.origin })
    expect(api.transport).toBe('web')
    await expect(api.app.info()).resolves.toMatchObject({ version: '1.2.3' })
    await expect(api.factory.resolve({ provider: 'gemini' })).resolves.toMatchObject({
      provider: 'gemini',
    })
  })

  it('rejects with an AppError carrying the contract code', async () => {
    const api = createWebAppApi({ token: 'wrong-token', baseUrl: server.origin })
    const error = await api.app.info().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'unauthorized' })
  })

  it('delivers events to subscribers until they unsubscribe', async () => {
    const api = createWebAppApi({ token: TOKEN, baseUrl: server.origin })
    const received = new Promise((resolve) => {
      const stop = api.on('workspace:changed', (info) => {
        stop()
        resolve(info)
      })
    })
    // The stream opens asynchronously; emit until the subscriber has it.
    const timer = setInterval(
      () => events.emit('workspace:changed', { workspace: '/new', version: '1', transport: 'web' }),
      20,
    )
    await expect(received).resolves.toEqual({ workspace: '/new', version: '1', transport: 'web' })
    clearInterval(timer)
  })
})

describe('parseSseBlocks', () => {
  it('splits complete blocks and keeps the partial rest', () => {
    expect(parseSseBlocks(': hi\n\nevent: a:b\ndata: {"x":1}\n\nevent: c')).toEqual({
      events: [{ name: 'a:b', data: '{"x":1}' }],
      rest: 'event: c',
    })
  })
})

describe('takeToken', () => {
  function sources(href: string) {
    const store = new Map<string, string>()
    const replaced: string[] = []
    return {
      replaced,
      store,
      location: { href },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
          void replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
    }
  }

  it('reads ?token= once, stores it and strips it from the address bar', () => {
    const s = sources('http://127.0.0.1:5757/?token=abc123&x=1#top')
    expect(takeToken(s)).toBe('abc123')
    expect(s.store.get(TOKEN_STORAGE_KEY)).toBe('abc123')
    expect(s.replaced).toEqual(['/?x=1#top'])
  })

  it('falls back to the stored token on reload', () => {
    const s = sources('http://127.0.0.1:5757/')
    s.store.set(TOKEN_STORAGE_KEY, 'kept')
    expect(takeToken(s)).toBe('kept')
    expect(s.replaced).toEqual([])
  })
})
