// The Mistral provider through the real @mistralai/mistralai SDK against the fake Mistral API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LlmError } from '../../../src/shared/llm'
import createMistralClient from '../../../src/main/services/providers/mistral/index'
import { mistralServerUrl } from '../../../src/main/services/providers/mistral/base-url'
import { DEFAULT_MISTRAL_KEY, startFakeMistral, type FakeMistral } from '../../fakes/mistral-server'
import {
  clientClosedEarly,
  connector,
  drain,
  itClosesStreamsEndedEarly,
  itRefusesWithoutAKey,
  lastBody as lastBodyOf,
  llmErrorOf,
  recordingFetch,
  requestBuilder,
} from '../../helpers/provider-calls'

const MODEL = 'mistral-small-latest'

let fake: FakeMistral

beforeAll(async () => {
  fake = await startFakeMistral()
  // The SDK's first import builds thousands of schemas (seconds on a busy machine): done once, here.
  await createMistralClient({ model: MODEL, apiKey: DEFAULT_MISTRAL_KEY })
}, 60_000)
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = connector(createMistralClient, () => ({
  model: MODEL,
  apiKey: DEFAULT_MISTRAL_KEY,
  baseUrl: fake.apiUrl,
}))
const request = requestBuilder(MODEL, 'hello there world')
const lastBody = () => lastBodyOf(fake.requests)

describe('Mistral provider: requests', () => {
  it('generates the answer and reports token usage', async () => {
    const client = await connect()
    const result = await client.generate(request())

    expect(result).toEqual({
      text: 'hello there world',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    expect(client.provider).toBe('mistral')
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' })
  })

  it('sends the system prompt first, the history, max_tokens and temperature', async () => {
    const client = await connect()
    const result = await client.generate(
      request({
        system: 'You are terse.',
        maxTokens: 2,
        temperature: 0.2,
        messages: [
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'first answer' },
          { role: 'user', content: 'hello there world' },
        ],
      }),
    )

    expect(lastBody()).toMatchObject({
      model: MODEL,
      max_tokens: 2,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'hello there world' },
      ],
    })
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

  it('sends the key and the custom headers with every call, through the injected fetch', async () => {
    const { fetch: countingFetch, calls } = recordingFetch()
    const client = await connect({ headers: { 'X-Mindx-Client': 'studio' }, fetch: countingFetch })
    await client.generate(request())
    await client.listModels()

    expect(calls).toEqual([`${fake.url}/v1/chat/completions`, `${fake.url}/v1/models`])
    for (const recorded of fake.requests) {
      expect(recorded.headers.authorization).toBe(`Bearer ${DEFAULT_MISTRAL_KEY}`)
      expect(recorded.headers['x-mindx-client']).toBe('studio')
    }
  })

  it.each([
    ['/v1 root (mindX style)', (url: string) => `${url}/v1`],
    ['/v1 root with a trailing slash', (url: string) => `${url}/v1/`],
    ['host only (SDK style)', (url: string) => url],
  ])('accepts a %s base URL', async (_label, toBaseUrl) => {
    const client = await connect({ baseUrl: toBaseUrl(fake.url) })
    await client.generate(request())

    expect(fake.requests.map((recorded) => recorded.path)).toEqual(['/v1/chat/completions'])
    expect(mistralServerUrl(undefined)).toBe('https://api.mistral.ai')
  })

  it('lists the chat models, leaving out those that cannot chat', async () => {
    const client = await connect()
    expect(await client.listModels()).toEqual([
      { name: 'mistral-small-latest' },
      { name: 'open-mistral-nemo' },
    ])
  })
})

describe('Mistral provider: streaming', () => {
  it('yields the text as deltas, then the usage from the last chunk', async () => {
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

  it('turns a connection dropped mid-stream into unreachable after the deltas that arrived', async () => {
    fake.dropMidStream(2)
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'unreachable', provider: 'mistral', model: MODEL })
  })

  itClosesStreamsEndedEarly({
    fake: () => fake,
    connect: () => connect(),
    request,
    firstWordChunks: 2,
  })
})

describe('Mistral provider: errors', () => {
  it('maps a rejected key to auth with a hint on where to set one', async () => {
    const client = await connect({ apiKey: 'wrong' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'mistral' })
    expect(error.message).toContain('MISTRAL_API_KEY')
    expect((await llmErrorOf(client.listModels())).code).toBe('auth')
  })

  itRefusesWithoutAKey({ fake: () => fake, connect })

  it("maps Mistral's 400 invalid_model to model_not_found", async () => {
    const client = await connect()
    const error = await llmErrorOf(client.generate(request({ model: 'mistral-none' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 400, model: 'mistral-none' })
    expect(error.message).toContain('Invalid model: mistral-none')
  })

  it('maps 429 to rate_limit with retry-after in milliseconds, without retrying', async () => {
    fake.rateLimit({ retryAfterSeconds: 2 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 2000 })
    expect(fake.requests).toHaveLength(1)
  })

  it('maps 500 to provider and a refused stream to bad_request', async () => {
    fake.fail({ status: 500 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))
    expect(error).toMatchObject({ code: 'provider', status: 500 })
    expect(error.retryable).toBe(true)
    expect(fake.requests).toHaveLength(1)

    fake.fail({ status: 400 })
    const next = client.stream(request())[Symbol.asyncIterator]().next()
    expect(await llmErrorOf(next)).toMatchObject({ code: 'bad_request', status: 400 })
  })

  it('maps an abort while waiting for the answer to aborted', async () => {
    fake.slow(60_000)
    const controller = new AbortController()
    const client = await connect()
    const pending = client.generate(request({ signal: controller.signal }))
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1))
    controller.abort()

    expect((await llmErrorOf(pending)).code).toBe('aborted')
    expect(await clientClosedEarly(fake.requests[0])).toBe(true)
  })

  it('maps a server that is down to unreachable, naming the URL', async () => {
    const gone = await startFakeMistral()
    await gone.close()
    const client = await connect({ baseUrl: gone.apiUrl })
    const error = await llmErrorOf(client.generate(request()))

    expect(error.code).toBe('unreachable')
    expect(error.message).toContain(`not reachable at ${gone.apiUrl}`)
  })
})
