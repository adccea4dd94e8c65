// The Groq provider through the real groq-sdk against the fake Groq API: requests, streams, errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LlmError } from '../../../src/shared/llm'
import createGroqClient from '../../../src/main/services/providers/groq/index'
import { groqSdkBaseUrl } from '../../../src/main/services/providers/groq/base-url'
import { DEFAULT_GROQ_KEY, startFakeGroq, type FakeGroq } from '../../fakes/groq-server'
import {
  connector,
  drain,
  itClosesStreamsEndedEarly,
  itRefusesWithoutAKey,
  lastBody as lastBodyOf,
  llmErrorOf,
  recordingFetch,
  requestBuilder,
} from '../../helpers/provider-calls'

const MODEL = 'llama-3.1-8b-instant'

let fake: FakeGroq

beforeAll(async () => {
  fake = await startFakeGroq()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = connector(createGroqClient, () => ({
  model: MODEL,
  apiKey: DEFAULT_GROQ_KEY,
  baseUrl: fake.openaiUrl,
}))
const request = requestBuilder(MODEL, 'hello there world')
const lastBody = () => lastBodyOf(fake.requests)

describe('Groq provider: requests', () => {
  it('generates the answer and reports token usage', async () => {
    const client = await connect()
    const result = await client.generate(request())

    expect(result).toEqual({
      text: 'hello there world',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    expect(client.provider).toBe('groq')
  })

  it('sends the system prompt first, then the history, then the prompt', async () => {
    const client = await connect()
    await client.generate(
      request({
        system: 'You are terse.',
        messages: [
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'first answer' },
          { role: 'user', content: 'second question' },
        ],
      }),
    )

    expect(lastBody().messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'second question' },
    ])
  })

  it('passes model, max_tokens and temperature through', async () => {
    const client = await connect()
    const result = await client.generate(request({ maxTokens: 2, temperature: 0.2 }))

    expect(lastBody()).toMatchObject({ model: MODEL, max_tokens: 2, temperature: 0.2 })
    expect(result.text).toBe('hello there')
  })

  it('asks for a JSON object in JSON mode, and only then', async () => {
    const client = await connect()
    const json = await client.generate(request({ jsonMode: true }))
    expect(lastBody().response_format).toEqual({ type: 'json_object' })
    expect(JSON.parse(json.text)).toEqual({ echo: 'hello there world' })

    await client.generate(request())
    expect(lastBody()).not.toHaveProperty('response_format')
  })

  it('sends the key as a bearer token and the custom headers with every call', async () => {
    const client = await connect({ headers: { 'X-Mindx-Client': 'studio' } })
    await client.generate(request())
    await client.listModels()

    for (const recorded of fake.requests) {
      expect(recorded.headers.authorization).toBe(`Bearer ${DEFAULT_GROQ_KEY}`)
      expect(recorded.headers['x-mindx-client']).toBe('studio')
    }
  })

  it('uses the injected fetch', async () => {
    const { fetch: countingFetch, calls } = recordingFetch()
    const client = await connect({ fetch: countingFetch })
    await client.generate(request())

    expect(calls).toEqual([`${fake.openaiUrl}/chat/completions`])
  })

  it.each([
    ['mindX style', (url: string) => `${url}/openai/v1`],
    ['mindX style with a trailing slash', (url: string) => `${url}/openai/v1/`],
    ['OpenAI root without the version', (url: string) => `${url}/openai`],
    ['SDK style (host only)', (url: string) => url],
  ])('accepts a %s base URL', async (_label, toBaseUrl) => {
    const client = await connect({ baseUrl: toBaseUrl(fake.url) })
    await client.generate(request())

    expect(fake.requests.map((recorded) => recorded.path)).toEqual(['/openai/v1/chat/completions'])
  })

  it('defaults to the public Groq host when no base URL is configured', () => {
    expect(groqSdkBaseUrl(undefined)).toBe('https://api.groq.com')
    expect(groqSdkBaseUrl('https://api.groq.com/openai/v1')).toBe('https://api.groq.com')
  })

  it('lists the models the server offers', async () => {
    const client = await connect()
    const models = await client.listModels()

    expect(models.map((model) => model.name)).toEqual([
      'llama-3.1-8b-instant',
      'llama-3.3-70b-versatile',
    ])
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/openai/v1/models' })
  })
})

describe('Groq provider: streaming', () => {
  it('yields the text as deltas, then the usage from x_groq.usage', async () => {
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(error).toBeUndefined()
    expect(chunks).toEqual([
      { type: 'delta', text: 'hello ' },
      { type: 'delta', text: 'there ' },
      { type: 'delta', text: 'world' },
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 3 } },
    ])
    expect(lastBody()).toMatchObject({ stream: true })
  })

  it('also reads usage from an OpenAI-style top-level usage field', async () => {
    const openAiStyle = await startFakeGroq({ streamUsageField: 'usage' })
    try {
      const client = await connect({ baseUrl: openAiStyle.openaiUrl })
      const { chunks } = await drain(client.stream(request()))
      expect(chunks.at(-1)).toEqual({
        type: 'usage',
        usage: { promptTokens: 3, completionTokens: 3 },
      })
    } finally {
      await openAiStyle.close()
    }
  })

  it('turns a connection dropped mid-stream into an LlmError after the deltas that arrived', async () => {
    fake.dropMidStream(2) // the role chunk and the first word
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'unreachable', provider: 'groq', model: MODEL })
    expect((error as LlmError).message).toContain('dropped')
  })

  itClosesStreamsEndedEarly({
    fake: () => fake,
    connect: () => connect(),
    request,
    firstWordChunks: 2,
  })
})

describe('Groq provider: errors', () => {
  it('maps a rejected key to auth with a hint on where to set one', async () => {
    const client = await connect({ apiKey: 'gsk_wrong' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'groq' })
    expect(error.message).toMatch(/rejected the API key/)
    expect(error.message).toMatch(/GROQ_API_KEY/)
  })

  it('maps a rejected key on the model list to auth too', async () => {
    const client = await connect({ apiKey: 'gsk_wrong' })
    expect((await llmErrorOf(client.listModels())).code).toBe('auth')
  })

  itRefusesWithoutAKey({ fake: () => fake, connect })

  it('maps an unknown model to model_not_found', async () => {
    const client = await connect()
    const error = await llmErrorOf(client.generate(request({ model: 'no-such-model' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'no-such-model' })
    expect(error.message).toContain('does not exist')
  })

  it('maps 429 to rate_limit with retry-after in milliseconds, without retrying', async () => {
    fake.rateLimit({ retryAfterSeconds: 2 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 2000 })
    expect(error.retryable).toBe(true)
    expect(fake.requests).toHaveLength(1)
  })

  it('maps 500 to provider with its status, leaving retries to the factory', async () => {
    fake.fail({ status: 500 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'provider', status: 500 })
    expect(fake.requests).toHaveLength(1)
    // The fault was one-shot: the factory's own retry would now succeed.
    await expect(client.generate(request())).resolves.toMatchObject({ text: 'hello there world' })
  })

  it('maps a 400 to bad_request, also when a stream is refused before its first chunk', async () => {
    fake.fail({ status: 400 })
    const client = await connect()
    expect(await llmErrorOf(client.stream(request())[Symbol.asyncIterator]().next())).toMatchObject(
      {
        code: 'bad_request',
        status: 400,
      },
    )
  })

  it('maps an abort while waiting for the answer to aborted', async () => {
    fake.slow(60_000)
    const controller = new AbortController()
    const client = await connect()
    const pending = client.generate(request({ signal: controller.signal }))
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1))
    controller.abort()

    expect((await llmErrorOf(pending)).code).toBe('aborted')
  })

  it('maps a server that is down to unreachable, naming the URL', async () => {
    const gone = await startFakeGroq()
    await gone.close()
    const client = await connect({ baseUrl: gone.openaiUrl })
    const error = await llmErrorOf(client.generate(request()))

    expect(error.code).toBe('unreachable')
    expect(error.message).toBe(
      `Groq API is not reachable at ${gone.openaiUrl} — check the network connection and the base URL.`,
    )
  })
})
