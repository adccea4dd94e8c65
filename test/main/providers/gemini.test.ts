// The Gemini provider through the real @google/generative-ai SDK against the fake Gemini API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LlmError } from '../../../src/shared/llm'
import createGeminiClient from '../../../src/main/services/providers/gemini/index'
import { geminiEndpoint } from '../../../src/main/services/providers/gemini/base-url'
import { DEFAULT_GEMINI_KEY, startFakeGemini, type FakeGemini } from '../../fakes/gemini-server'
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

const MODEL = 'gemini-2.5-flash'

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
const lastBody = () => lastBodyOf(fake.requests)

describe('Gemini provider: requests', () => {
  it('generates the answer and reports token usage', async () => {
    const client = await connect()
    const result = await client.generate(request())

    expect(result).toEqual({
      text: 'hello there world',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    expect(client.provider).toBe('gemini')
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: `/v1beta/models/${MODEL}:generateContent`,
    })
  })

  it('sends the system prompt as systemInstruction and the history as user/model contents', async () => {
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

    const body = lastBody()
    expect(body.systemInstruction).toMatchObject({ parts: [{ text: 'You are terse.' }] })
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'first question' }] },
      { role: 'model', parts: [{ text: 'first answer' }] },
      { role: 'user', parts: [{ text: 'second question' }] },
    ])
  })

  it('leaves systemInstruction out when there is no system prompt', async () => {
    const client = await connect()
    await client.generate(request())

    expect(lastBody()).not.toHaveProperty('systemInstruction')
  })

  it('passes maxTokens and temperature as generationConfig', async () => {
    const client = await connect()
    const result = await client.generate(request({ maxTokens: 2, temperature: 0.2 }))

    expect(lastBody().generationConfig).toEqual({ maxOutputTokens: 2, temperature: 0.2 })
    expect(result.text).toBe('hello there')
  })

  it('asks for application/json in JSON mode, and only then', async () => {
    const client = await connect()
    const json = await client.generate(request({ jsonMode: true }))
    expect(lastBody().generationConfig).toEqual({ responseMimeType: 'application/json' })
    expect(JSON.parse(json.text)).toEqual({ echo: 'hello there world' })

    await client.generate(request())
    expect(lastBody().generationConfig).toEqual({})
  })

  it('sends the key in x-goog-api-key (never in the URL) and the custom headers', async () => {
    const client = await connect({ headers: { 'X-Mindx-Client': 'studio' } })
    await client.generate(request())
    await drain(client.stream(request()))
    await client.listModels()

    expect(fake.requests).toHaveLength(3)
    for (const recorded of fake.requests) {
      expect(recorded.headers['x-goog-api-key']).toBe(DEFAULT_GEMINI_KEY)
      expect(recorded.headers['x-mindx-client']).toBe('studio')
      expect(recorded.query).not.toHaveProperty('key')
    }
  })

  it('drops a custom x-goog-api-key header instead of failing on it', async () => {
    const client = await connect({ headers: { 'x-goog-api-key': 'other' } })
    await client.generate(request())

    expect(fake.requests[0]?.headers['x-goog-api-key']).toBe(DEFAULT_GEMINI_KEY)
  })

  it.each([
    ['mindX style (…/v1beta)', (url: string) => `${url}/v1beta`, '/v1beta'],
    ['mindX style with a trailing slash', (url: string) => `${url}/v1beta/`, '/v1beta'],
    ['stable version (…/v1)', (url: string) => `${url}/v1`, '/v1'],
    ['SDK style (host only)', (url: string) => url, '/v1beta'],
  ])('accepts a %s base URL', async (_label, toBaseUrl, versionPath) => {
    const client = await connect({ baseUrl: toBaseUrl(fake.url) })
    await client.generate(request())
    await client.listModels()

    expect(fake.requests.map((recorded) => recorded.path)).toEqual([
      `${versionPath}/models/${MODEL}:generateContent`,
      `${versionPath}/models`,
    ])
  })

  it('defaults to the public endpoint when no base URL is configured', () => {
    expect(geminiEndpoint(undefined)).toEqual({
      baseUrl: 'https://generativelanguage.googleapis.com',
      apiVersion: 'v1beta',
    })
  })

  it('lists the models that can generate content, with their display names', async () => {
    const client = await connect()
    const models = await client.listModels()

    expect(models).toEqual([
      { name: 'gemini-2.5-flash', displayName: 'gemini 2.5 flash' },
      { name: 'gemini-2.5-pro', displayName: 'gemini 2.5 pro' },
    ])
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1beta/models' })
  })

  it('follows nextPageToken through every page of the model list', async () => {
    const paged = await startFakeGemini({ maxPageSize: 1 })
    try {
      const client = await connect({ baseUrl: paged.apiUrl })
      const models = await client.listModels()

      expect(models.map((model) => model.name)).toEqual(['gemini-2.5-flash', 'gemini-2.5-pro'])
      expect(paged.requests.map((recorded) => recorded.query.pageToken)).toEqual([
        undefined,
        '1',
        '2',
      ])
    } finally {
      await paged.close()
    }
  })

  it('lists models through the injected fetch', async () => {
    const { fetch: countingFetch, calls } = recordingFetch()
    const client = await connect({ fetch: countingFetch })
    await client.listModels()

    expect(calls).toEqual([`${fake.apiUrl}/models?pageSize=1000`])
  })
})

describe('Gemini provider: streaming', () => {
  it('yields the text as deltas, then the usage from usageMetadata', async () => {
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(error).toBeUndefined()
    expect(chunks).toEqual([
      { type: 'delta', text: 'hello ' },
      { type: 'delta', text: 'there ' },
      { type: 'delta', text: 'world' },
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 3 } },
    ])
    expect(fake.requests[0]).toMatchObject({
      path: `/v1beta/models/${MODEL}:streamGenerateContent`,
      query: { alt: 'sse' },
    })
  })

  it('turns a connection dropped mid-stream into an LlmError after the deltas that arrived', async () => {
    fake.dropMidStream(1)
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'unreachable', provider: 'gemini', model: MODEL })
    expect((error as LlmError).message).toContain('dropped')
  })

  itClosesStreamsEndedEarly({
    fake: () => fake,
    connect: () => connect(),
    request,
    firstWordChunks: 1,
  })
})

describe('Gemini provider: errors', () => {
  it("maps Google's 400 API_KEY_INVALID to auth with a hint on where to set a key", async () => {
    const client = await connect({ apiKey: 'AIza-wrong' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 400, provider: 'gemini' })
    expect(error.message).toContain('API key not valid')
    expect(error.message).toMatch(/GEMINI_API_KEY/)
  })

  it('maps a rejected key on the model list to auth too', async () => {
    const client = await connect({ apiKey: 'AIza-wrong' })
    expect(await llmErrorOf(client.listModels())).toMatchObject({ code: 'auth', status: 400 })
  })

  it('maps 403 PERMISSION_DENIED to auth', async () => {
    fake.fail({ status: 403 })
    const client = await connect()
    expect(await llmErrorOf(client.generate(request()))).toMatchObject({
      code: 'auth',
      status: 403,
    })
  })

  it('maps any other 400 to bad_request', async () => {
    fake.fail({ status: 400 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'bad_request', status: 400 })
  })

  itRefusesWithoutAKey({ fake: () => fake, connect })

  it('maps an unknown model to model_not_found', async () => {
    const client = await connect()
    const error = await llmErrorOf(client.generate(request({ model: 'no-such-model' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'no-such-model' })
    expect(error.message).toContain('models/no-such-model is not found')
  })

  it('maps 429 RESOURCE_EXHAUSTED to rate_limit with RetryInfo in milliseconds, without retrying', async () => {
    fake.rateLimit({ retryAfterSeconds: 2 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 2000 })
    expect(fake.requests).toHaveLength(1)
  })

  it('maps a 429 on a stream the same way', async () => {
    fake.rateLimit({ retryAfterSeconds: 2 })
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([])
    expect(error).toMatchObject({ code: 'rate_limit', retryAfterMs: 2000 })
  })

  it('maps 500 to provider with its status, leaving retries to the factory', async () => {
    fake.fail({ status: 500 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'provider', status: 500 })
    expect(fake.requests).toHaveLength(1)
    await expect(client.generate(request())).resolves.toMatchObject({ text: 'hello there world' })
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
    const gone = await startFakeGemini()
    await gone.close()
    const client = await connect({ baseUrl: gone.apiUrl })
    const expected = `Gemini API is not reachable at ${gone.apiUrl} — check the network connection and the base URL.`

    expect(await llmErrorOf(client.generate(request()))).toMatchObject({
      code: 'unreachable',
      message: expected,
    })
    expect(await llmErrorOf(client.listModels())).toMatchObject({ code: 'unreachable' })
    expect((await drain(client.stream(request()))).error).toMatchObject({ code: 'unreachable' })
  })
})
