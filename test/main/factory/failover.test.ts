// Failover through the real SDKs against the fakes: which entry answers, what the attempts say, when it stops.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLlmFactory, RoutedError } from '../../../src/main/services/factory'
import type { FailoverResult } from '../../../src/main/services/factory'
import { formatRoute } from '../../../src/shared/failover'
import type { StreamEvent } from '../../../src/shared/llm'
import { DEFAULT_GEMINI_KEY } from '../../fakes/gemini-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import type { FakeGroq } from '../../fakes/groq-server'
import { startFakeOllama } from '../../fakes/ollama-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import { refusedUrl } from '../../helpers/refused-port'
import type { WorkspaceFiles } from '../../helpers/workspace'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

const PHI = 'phi3:mini'
let groq: FakeGroq
let ollama: FakeOllama
let dead: string

beforeAll(async () => {
  groq = await startFakeGroq()
  ollama = await startFakeOllama({ models: ['phi3:mini'] })
  dead = await refusedUrl()
})
afterAll(async () => {
  await groq.close()
  await ollama.close()
})
beforeEach(() => {
  groq.reset()
  ollama.reset()
})

/** groq and ollama at their fakes, gemini at a port nothing listens on; sleeps are recorded. */
function factoryWith(factoryJson: object = {}, files: WorkspaceFiles = {}) {
  const sleeps: number[] = []
  const factory = createLlmFactory({
    workspace: makeWorkspace({
      [FACTORY_JSON]: {
        groq_settings_for_factory: { base_url_override: groq.openaiUrl },
        gemini_settings_for_factory: { base_url_override: dead },
        ollama_settings_for_factory: { base_url_override: ollama.url, default_model_override: PHI },
        ...factoryJson,
      },
      ...files,
    }),
    env: { GROQ_API_KEY: DEFAULT_GROQ_KEY, GEMINI_API_KEY: DEFAULT_GEMINI_KEY },
    policy: {
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
    },
  })
  return { factory, sleeps }
}

const chatRequests = () => groq.requestsTo('/openai/v1/chat/completions').length
const ollamaChats = () => ollama.requestsTo('/api/chat').length

async function routedErrorOf(work: Promise<unknown>): Promise<RoutedError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RoutedError)
  return error as RoutedError
}

describe('generateWithFailover', () => {
  it('answers from the third of [429 forever, connection refused, OK] with both attempts recorded', async () => {
    const { factory } = factoryWith()
    groq.rateLimit({ retryAfterSeconds: 1, times: 100 })
    const result: FailoverResult = await factory.generateWithFailover('route me', {
      chain: ['groq', 'gemini/gemini-2.5-flash', 'ollama'],
    })
    expect(result.text).toContain('route me')
    expect(result).toMatchObject({ provider: 'ollama', model: 'phi3:mini', baseUrl: ollama.url })
    expect(result.attempts).toHaveLength(2)
    expect(result.attempts[0]).toMatchObject({
      provider: 'groq',
      baseUrl: groq.openaiUrl,
      code: 'rate_limit',
    })
    expect(result.attempts[1]).toMatchObject({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      baseUrl: dead,
      code: 'unreachable',
    })
    expect(result.attempts.every((a) => a.notSent === undefined)).toBe(true)
    // Retries are exhausted first: the 429 was tried three times.
    expect(chatRequests()).toBe(3)
    expect(formatRoute(result.attempts, result)).toMatch(
      /^groq · rate limited \(.+\) → gemini · unreachable \(.+\) → ollama ✓$/,
    )
  })

  it('moves on at once when the retry-after is longer than the threshold', async () => {
    const { factory, sleeps } = factoryWith()
    groq.rateLimit({ retryAfterSeconds: 30, times: 100 })
    const result = await factory.generateWithFailover('hi', { chain: ['groq', 'ollama'] })
    expect(result.provider).toBe('ollama')
    expect(chatRequests()).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('walks default_provider_preference_order, skipping entries without a handler or a key', async () => {
    const { factory } = factoryWith({
      default_provider_preference_order: ['made_up', 'gemini', 'ollama'],
    })
    const noGeminiKey = createLlmFactory({
      workspace: makeWorkspace({
        [FACTORY_JSON]: {
          default_provider_preference_order: ['made_up', 'gemini', 'ollama'],
          ollama_settings_for_factory: {
            base_url_override: ollama.url,
            default_model_override: PHI,
          },
        },
      }),
      env: {},
    })
    const result = await noGeminiKey.generateWithFailover('hi')
    expect(result.provider).toBe('ollama')
    expect(result.attempts.map((a) => [a.provider, a.notSent])).toEqual([
      ['made_up', 'no_handler'],
      ['gemini', 'no_key'],
    ])
    expect(result.attempts.every((a) => a.ms === 0)).toBe(true)
    // With the key, gemini is asked (and found dead).
    const withKey = await factory.generateWithFailover('hi')
    expect(withKey.attempts.map((a) => a.code)).toEqual(['bad_request', 'unreachable'])
  })

  it('never fails over on bad_request', async () => {
    const { factory } = factoryWith()
    groq.fail({ status: 400 })
    const error = await routedErrorOf(
      factory.generateWithFailover('hi', { chain: ['groq', 'ollama'] }),
    )
    expect(error.code).toBe('bad_request')
    expect(error.attempts.map((a) => a.provider)).toEqual(['groq'])
    expect(ollamaChats()).toBe(0)
  })

  it("never fails over on the user's Stop", async () => {
    const { factory } = factoryWith()
    ollama.slow(5_000)
    const controller = new AbortController()
    const pending = factory.generateWithFailover('hi', {
      chain: ['ollama', 'groq'],
      signal: controller.signal,
    })
    await ollama.waitForRequests('/api/chat', 1)
    controller.abort()
    const error = await routedErrorOf(pending)
    expect(error.code).toBe('aborted')
    expect(chatRequests()).toBe(0)
  })

  it('stops on a refused key and says to fix it, unless told to move on', async () => {
    const { factory } = factoryWith()
    groq.fail({ status: 401, times: 2 })
    const error = await routedErrorOf(
      factory.generateWithFailover('hi', { chain: ['groq', 'ollama'] }),
    )
    expect(error.code).toBe('auth')
    expect(error.message).toMatch(/fix the key/)
    expect(ollamaChats()).toBe(0)
    const result = await factory.generateWithFailover('hi', {
      chain: ['groq', 'ollama'],
      onAuth: 'next',
    })
    expect(result.provider).toBe('ollama')
    expect(result.attempts[0]).toMatchObject({ provider: 'groq', code: 'auth' })
  })

  it('fails with every attempt when no entry answers', async () => {
    const { factory } = factoryWith({
      ollama_settings_for_factory: { base_url_override: dead, default_model_override: PHI },
    })
    const error = await routedErrorOf(
      factory.generateWithFailover('hi', { chain: ['gemini', 'ollama'] }),
    )
    expect(error.code).toBe('unreachable')
    expect(error.attempts.map((a) => a.provider)).toEqual(['gemini', 'ollama'])
    expect(error.message).toMatch(/gemini · unreachable .* → ollama · unreachable/)
  })
})

describe('streamWithFailover', () => {
  async function drain(events: AsyncIterable<StreamEvent>) {
    const seen: StreamEvent[] = []
    try {
      for await (const event of events) seen.push(event)
      return { seen, error: undefined }
    } catch (error) {
      return { seen, error }
    }
  }

  it('fails over before the first token and reports the route in done', async () => {
    const { factory } = factoryWith()
    const { seen, error } = await drain(
      factory.streamWithFailover('stream me', { chain: ['gemini', 'ollama'] }),
    )
    expect(error).toBeUndefined()
    const done = seen.at(-1)
    expect(done).toMatchObject({ type: 'done', provider: 'ollama' })
    expect(done?.type === 'done' && done.attempts?.map((a) => a.code)).toEqual(['unreachable'])
  })

  it('does not fail over once a token has arrived', async () => {
    const { factory } = factoryWith()
    groq.dropMidStream(2) // the role chunk and the first word
    const { seen, error } = await drain(
      factory.streamWithFailover('one two three four five', { chain: ['groq', 'ollama'] }),
    )
    expect(seen.some((e) => e.type === 'delta')).toBe(true)
    expect(seen.some((e) => e.type === 'done')).toBe(false)
    expect(error).toBeInstanceOf(RoutedError)
    expect((error as RoutedError).attempts.map((a) => a.provider)).toEqual(['groq'])
    expect(ollamaChats()).toBe(0)
  })
})

describe('budgets in a chain', () => {
  it('a budget of 2 requests per minute lets a third call through only by moving on', async () => {
    const { factory, sleeps } = factoryWith({ rate_limit_profiles: { groq: { rpm: 2 } } })
    const answers = []
    for (const prompt of ['one', 'two', 'three']) {
      answers.push(await factory.generateWithFailover(prompt, { chain: ['groq', 'ollama'] }))
    }
    expect(answers.map((a) => a.provider)).toEqual(['groq', 'groq', 'ollama'])
    expect(chatRequests()).toBe(2)
    expect(answers[2]!.attempts).toEqual([
      expect.objectContaining({ provider: 'groq', code: 'rate_limit', notSent: 'budget' }),
    ])
    expect(answers[2]!.attempts[0]!.message).toMatch(/^budget: .*2 requests per minute/)
    expect(sleeps).toEqual([])
  })
})

describe('Ollama fallback_url', () => {
  it('sends the same request to the fallback URL when the base URL is dead', async () => {
    const { factory } = factoryWith(
      { ollama_settings_for_factory: { default_model_override: PHI } },
      {
        'data/config/mindx_config.json': {
          llm: { ollama: { base_url: dead, fallback_url: ollama.url } },
        },
      },
    )
    const handler = await factory.createLlmHandler({ provider: 'ollama' })
    const result = await handler.generate('fall back')
    expect(result.text).toContain('fall back')
    expect(result.baseUrl).toBe(ollama.url)
    expect(result.attempts).toEqual([
      expect.objectContaining({ provider: 'ollama', baseUrl: dead, code: 'unreachable' }),
    ])
    const events: StreamEvent[] = []
    for await (const event of handler.streamText('streamed')) events.push(event)
    expect(events.at(-1)).toMatchObject({ type: 'done', baseUrl: ollama.url })
    expect(ollamaChats()).toBe(2)
  })
})
