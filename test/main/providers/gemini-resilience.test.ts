// Gemini's dropped connections and server-told waits, through the real SDK, the provider and the factory.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../../src/main/services/factory'
import createGeminiClient from '../../../src/main/services/providers/gemini/index'
import { DEFAULT_GEMINI_KEY, startFakeGemini, type FakeGemini } from '../../fakes/gemini-server'
import { makeWorkspace } from '../../helpers/workspace'
import {
  connector,
  drain,
  llmErrorOf,
  recordingFetch,
  requestBuilder,
} from '../../helpers/provider-calls'

const MODEL = 'gemini-2.5-flash'
const GENERATE = `/v1beta/models/${MODEL}:generateContent`
const STREAM = `/v1beta/models/${MODEL}:streamGenerateContent`

let fake: FakeGemini

beforeAll(async () => {
  fake = await startFakeGemini()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = connector(createGeminiClient, () => ({
  model: MODEL,
  apiKey: DEFAULT_GEMINI_KEY,
  baseUrl: fake.apiUrl,
}))
const request = requestBuilder(MODEL, 'hello there world')

/** A factory on the fake whose retry sleeps are recorded instead of waited. */
function geminiFactory() {
  const sleeps: number[] = []
  const factory = createLlmFactory({
    workspace: makeWorkspace({}),
    env: { GEMINI_API_KEY: DEFAULT_GEMINI_KEY, MINDX_LLM__GEMINI__BASE_URL: fake.apiUrl },
    policy: {
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
    },
  })
  return { sleeps, handler: () => factory.createLlmHandler({ provider: 'gemini', model: MODEL }) }
}

describe('Gemini provider: what the SDK does not keep', () => {
  it('codes a connection dropped before the headers as a retryable unreachable', async () => {
    fake.dropBeforeHeaders()
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'unreachable', provider: 'gemini', model: MODEL })
    expect(error.message).toContain('dropped')
    expect(error.retryable).toBe(true)
  })

  it('codes a stream dropped before its first byte the same way', async () => {
    fake.dropBeforeHeaders()
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([])
    expect(error).toMatchObject({ code: 'unreachable', retryable: true })
  })

  it('does not call a refused connection retryable', async () => {
    const gone = await startFakeGemini()
    await gone.close()
    const client = await connect({ baseUrl: gone.apiUrl })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'unreachable', retryable: false })
    expect(error.message).toContain('not reachable')
  })

  it('reads a 429 whose wait is only in the Retry-After header', async () => {
    fake.rateLimit({ retryAfterSeconds: 3, via: 'header' })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 3000 })
    expect(error.message).toContain('Try again in 3 s')
  })

  it('prefers RetryInfo in the body to the header when both are sent', async () => {
    const retryInfo = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '4s' }
    const body = {
      error: { code: 429, message: 'Quota', status: 'RESOURCE_EXHAUSTED', details: [retryInfo] },
    }
    fake.fail({ status: 429, body, headers: { 'retry-after': '9' } })
    const client = await connect()

    expect(await llmErrorOf(client.generate(request()))).toMatchObject({ retryAfterMs: 4000 })
  })

  it('reads Retry-After on a stream that is refused before it starts', async () => {
    fake.rateLimit({ retryAfterSeconds: 2, via: 'header' })
    const client = await connect()
    const { error } = await drain(client.stream(request()))

    expect(error).toMatchObject({ code: 'rate_limit', retryAfterMs: 2000 })
  })

  it('makes a 503 with Retry-After an overloaded rate_limit, and one without a plain provider error', async () => {
    fake.fail({ status: 503, headers: { 'retry-after': '5' } })
    const client = await connect()
    const told = await llmErrorOf(client.generate(request()))
    fake.fail({ status: 503 })
    const untold = await llmErrorOf(client.generate(request()))

    expect(told).toMatchObject({ code: 'rate_limit', status: 503, retryAfterMs: 5000 })
    expect(told.message).toContain('overloaded')
    expect(untold).toMatchObject({ code: 'provider', status: 503, retryAfterMs: undefined })
  })

  it('reads Retry-After on the model list too', async () => {
    fake.rateLimit({ retryAfterSeconds: 1, via: 'header' })
    const client = await connect()

    expect(await llmErrorOf(client.listModels())).toMatchObject({ retryAfterMs: 1000 })
  })

  it('keeps each concurrent call to its own response', async () => {
    fake.rateLimit({ retryAfterSeconds: 7, via: 'header' })
    const client = await connect()
    const [first, second] = await Promise.allSettled([
      client.generate(request()),
      client.generate(request()),
    ])
    const outcomes = [first, second].map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value.text : (outcome.reason as object),
    )

    expect(outcomes).toContain('hello there world')
    expect(outcomes).toContainEqual(expect.objectContaining({ retryAfterMs: 7000 }))
  })

  it('sends the SDK calls through an injected fetch, and leaves other fetches alone', async () => {
    const { fetch: injected, calls } = recordingFetch()
    const client = await connect({ fetch: injected })
    await client.generate(request())
    await drain(client.stream(request()))
    const outside = await fetch(`${fake.apiUrl}/models`, {
      headers: { 'x-goog-api-key': DEFAULT_GEMINI_KEY },
    })

    expect(calls).toEqual([`${fake.url}${GENERATE}`, `${fake.url}${STREAM}?alt=sse`])
    expect(outside.status).toBe(200)
  })
})

describe('Gemini through the factory: retries', () => {
  it('retries a connection dropped before the headers, then answers', async () => {
    const { sleeps, handler } = geminiFactory()
    fake.dropBeforeHeaders()

    expect(await (await handler()).generateText('dropped once')).toBe('dropped once')
    expect(fake.requestsTo(GENERATE)).toHaveLength(2)
    expect(sleeps).toEqual([500])
  })

  it('retries a stream dropped before its first byte, then streams the answer', async () => {
    const { handler } = geminiFactory()
    fake.dropBeforeHeaders()
    const deltas: string[] = []
    for await (const event of (await handler()).streamText('one two three')) {
      if (event.type === 'delta') deltas.push(event.text)
    }

    expect(deltas.join('')).toBe('one two three')
    expect(fake.requestsTo(STREAM)).toHaveLength(2)
  })

  it("waits the 429's Retry-After header before trying again", async () => {
    const { sleeps, handler } = geminiFactory()
    fake.rateLimit({ retryAfterSeconds: 2, via: 'header' })

    expect(await (await handler()).generateText('patience')).toBe('patience')
    expect(sleeps).toEqual([2000])
  })
})
