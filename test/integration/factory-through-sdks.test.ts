// The factory end to end through the real SDKs: retries, retry-after, headers, models listing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { createLlmFactory } from '../../src/main/services/factory'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../fakes/groq-server'
import type { FakeGroq } from '../fakes/groq-server'
import { startFakeOllama } from '../fakes/ollama-server'
import { FACTORY_JSON, makeWorkspace } from '../helpers/workspace'

let groq: FakeGroq
let ollama: Awaited<ReturnType<typeof startFakeOllama>>

beforeAll(async () => {
  groq = await startFakeGroq()
  ollama = await startFakeOllama({ models: ['phi3:mini', 'llama3.2:1b'] })
})
afterAll(async () => {
  await groq.close()
  await ollama.close()
})
beforeEach(() => groq.reset())

/** A factory whose retry sleeps are recorded instead of waited. */
function groqFactory() {
  const sleeps: number[] = []
  const factory = createLlmFactory({
    workspace: makeWorkspace({}),
    env: { GROQ_API_KEY: DEFAULT_GROQ_KEY, MINDX_LLM__GROQ__BASE_URL: groq.openaiUrl },
    policy: {
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
    },
  })
  return { factory, sleeps }
}

describe('retries through groq-sdk', () => {
  it('retries a 500 once and answers', async () => {
    const { factory, sleeps } = groqFactory()
    groq.fail({ status: 500 })
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    expect(await handler.generateText('hello again')).toBe('hello again')
    expect(groq.requests).toHaveLength(2)
    expect(sleeps).toEqual([500])
  })

  it("waits the 429's retry-after before trying again", async () => {
    const { factory, sleeps } = groqFactory()
    groq.rateLimit({ retryAfterSeconds: 2 })
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    expect(await handler.generateText('patience')).toBe('patience')
    expect(sleeps).toEqual([2000])
  })

  it('gives up after two retries with rate_limit and retryAfterMs', async () => {
    const { factory } = groqFactory()
    groq.rateLimit({ retryAfterSeconds: 1, times: 3 })
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    await expect(handler.generateText('no luck')).rejects.toMatchObject({
      code: 'rate_limit',
      retryAfterMs: 1000,
      status: 429,
    })
    expect(groq.requests).toHaveLength(3)
  })

  it('does not retry a stream cut after its first token', async () => {
    const { factory } = groqFactory()
    groq.dropMidStream(2)
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    const deltas: string[] = []
    const error = await (async () => {
      for await (const e of handler.streamText('one two three four five six')) {
        if (e.type === 'delta') deltas.push(e.text)
      }
    })().catch((e: unknown) => e)
    expect(deltas.length).toBeGreaterThan(0)
    expect(error).toMatchObject({ code: 'unreachable' })
    expect(groq.requests).toHaveLength(1)
  })
})

describe('Ollama settings from the factory json', () => {
  it('sends ollama_settings_for_factory.headers with every request', async () => {
    const workspace = makeWorkspace({
      [FACTORY_JSON]: {
        ollama_settings_for_factory: {
          base_url_override: ollama.url,
          headers: { Authorization: 'Bearer remote-token' },
        },
      },
    })
    const factory = createLlmFactory({ workspace, env: {} })
    const handler = await factory.createLlmHandler({ provider: 'ollama', model: 'phi3:mini' })
    await handler.generateText('with headers')
    expect(ollama.requestsTo('/api/chat').at(-1)?.headers.authorization).toBe('Bearer remote-token')
  })
})

describe('cli models', () => {
  it('lists the models installed on the resolved Ollama host', async () => {
    let out = ''
    const code = await runCli(
      ['models', '--json', '--base-url', ollama.url],
      {},
      makeWorkspace({}),
      {
        out: (t) => (out += t),
        err: () => undefined,
        readStdin: () => Promise.resolve(undefined),
      },
    )
    expect(code).toBe(0)
    const { models } = JSON.parse(out) as { models: { name: string; size: number }[] }
    expect(models.map((m) => m.name)).toEqual(['phi3:mini', 'llama3.2:1b'])
    expect(models[0]?.size).toBeGreaterThan(0)
  })

  it('says Ollama is unreachable with the next step', async () => {
    let err = ''
    const code = await runCli(
      ['models', '--base-url', 'http://127.0.0.1:9'],
      {},
      makeWorkspace({}),
      {
        out: () => undefined,
        err: (t) => (err += t),
        readStdin: () => Promise.resolve(undefined),
      },
    )
    expect(code).toBe(1)
    expect(err).toMatch(
      /error \(unreachable\): Ollama is not reachable at http:\/\/127\.0\.0\.1:9.*ollama serve/,
    )
  })
})
