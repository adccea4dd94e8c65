// The Anthropic provider through the real @anthropic-ai/sdk against the fake Messages API.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LlmError } from '../../../src/shared/llm'
import createAnthropicClient from '../../../src/main/services/providers/anthropic/index'
import { anthropicSdkBaseUrl } from '../../../src/main/services/providers/anthropic/base-url'
import { JSON_INSTRUCTION } from '../../../src/main/services/providers/anthropic/client'
import {
  DEFAULT_ANTHROPIC_KEY,
  startFakeAnthropic,
  type FakeAnthropic,
} from '../../fakes/anthropic-server'
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

const MODEL = 'claude-haiku-4-5'

let fake: FakeAnthropic

beforeAll(async () => {
  fake = await startFakeAnthropic()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())
afterEach(() => {
  vi.useRealTimers()
})

const connect = connector(createAnthropicClient, () => ({
  model: MODEL,
  apiKey: DEFAULT_ANTHROPIC_KEY,
  baseUrl: fake.url,
}))
const request = requestBuilder(MODEL, 'hello there world')
const lastBody = () => lastBodyOf(fake.requests)

describe('Anthropic provider: requests', () => {
  it('generates the answer and reports token usage', async () => {
    const client = await connect()
    const result = await client.generate(request())

    expect(result).toEqual({
      text: 'hello there world',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    expect(client.provider).toBe('anthropic')
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages' })
    expect(fake.requests[0]?.headers['anthropic-version']).toBeTruthy()
  })

  it('sends the system prompt as the top-level system, and max_tokens (1024 when unset)', async () => {
    const client = await connect()
    await client.generate(
      request({
        system: 'You are terse.',
        temperature: 0.2,
        messages: [
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'first answer' },
          { role: 'user', content: 'hello there world' },
        ],
      }),
    )

    expect(lastBody()).toEqual({
      model: MODEL,
      max_tokens: 1024,
      system: 'You are terse.',
      temperature: 0.2,
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'hello there world' },
      ],
    })
  })

  it('stops at max_tokens when the request sets it', async () => {
    const client = await connect()
    const result = await client.generate(request({ maxTokens: 2 }))

    expect(lastBody()).toMatchObject({ max_tokens: 2 })
    expect(result.text).toBe('hello there')
  })

  it('has no JSON mode: asks for JSON in the system prompt instead, and only in JSON mode', async () => {
    const client = await connect()
    const json = await client.generate(request({ system: 'Be brief.', jsonMode: true }))
    expect(lastBody().system).toBe(`Be brief.\n\n${JSON_INSTRUCTION}`)
    expect(JSON.parse(json.text)).toEqual({ echo: 'hello there world' })

    await client.generate(request({ jsonMode: true }))
    expect(lastBody().system).toBe(JSON_INSTRUCTION)

    await client.generate(request())
    expect(lastBody()).not.toHaveProperty('system')
  })

  it('sends the key and the custom headers with every call, through the injected fetch', async () => {
    const { fetch: countingFetch, calls } = recordingFetch()
    const client = await connect({ headers: { 'X-Mindx-Client': 'studio' }, fetch: countingFetch })
    await client.generate(request())
    await client.listModels()

    expect(calls).toEqual([`${fake.url}/v1/messages`, `${fake.url}/v1/models?limit=1000`])
    for (const recorded of fake.requests) {
      expect(recorded.headers['x-mindx-client']).toBe('studio')
    }
  })

  it.each([
    ['host only', (url: string) => url],
    ['/v1 root', (url: string) => `${url}/v1`],
    ['/v1 root with a trailing slash', (url: string) => `${url}/v1/`],
  ])('accepts a %s base URL', async (_label, toBaseUrl) => {
    const client = await connect({ baseUrl: toBaseUrl(fake.url) })
    await client.generate(request())

    expect(fake.requests.map((recorded) => recorded.path)).toEqual(['/v1/messages'])
    expect(anthropicSdkBaseUrl(undefined)).toBe('https://api.anthropic.com')
  })

  it('lists the models with their display names', async () => {
    const client = await connect()
    expect(await client.listModels()).toEqual([
      { name: 'claude-sonnet-4-5', displayName: 'Claude sonnet 4.5' },
      { name: 'claude-haiku-4-5', displayName: 'Claude haiku 4.5' },
    ])
  })
})

describe('Anthropic provider: streaming', () => {
  it('yields the text_delta events, then usage from message_start and message_delta', async () => {
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request({ system: 'Be brief.' })))

    expect(error).toBeUndefined()
    expect(chunks).toEqual([
      { type: 'delta', text: 'hello ' },
      { type: 'delta', text: 'there ' },
      { type: 'delta', text: 'world' },
      { type: 'usage', usage: { promptTokens: 5, completionTokens: 3 } },
    ])
    expect(lastBody()).toMatchObject({ stream: true })
  })

  it('maps an overloaded_error event mid-stream to rate_limit after the deltas that arrived', async () => {
    fake.errorMidStream(1, 'overloaded_error', 'Overloaded')
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toMatchObject({ code: 'rate_limit', status: 529, provider: 'anthropic' })
    expect((error as LlmError).message).toContain('Overloaded')
  })

  it('maps an api_error event mid-stream to provider', async () => {
    fake.errorMidStream(0, 'api_error', 'Internal server error')
    const client = await connect()
    const { error } = await drain(client.stream(request()))

    expect(error).toMatchObject({ code: 'provider', status: 500 })
  })

  it('turns a connection dropped mid-stream into unreachable', async () => {
    fake.dropMidStream(4) // message_start, content_block_start, ping, the first word
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'unreachable', model: MODEL })
    expect((error as LlmError).message).toContain('dropped')
  })

  itClosesStreamsEndedEarly({
    fake: () => fake,
    connect: () => connect(),
    request,
    firstWordChunks: 4,
  })
})

describe('Anthropic provider: errors', () => {
  it('maps a rejected key to auth with a hint on where to set one', async () => {
    const client = await connect({ apiKey: 'sk-ant-wrong' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'anthropic' })
    expect(error.message).toContain('ANTHROPIC_API_KEY')
    expect((await llmErrorOf(client.listModels())).code).toBe('auth')
  })

  itRefusesWithoutAKey({ fake: () => fake, connect })

  it('maps an unknown model to model_not_found', async () => {
    const client = await connect()
    const error = await llmErrorOf(client.generate(request({ model: 'claude-none' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'claude-none' })
    expect(error.message).toContain('model: claude-none')
  })

  it('maps 429 to rate_limit with retry-after in milliseconds', async () => {
    fake.rateLimit({ retryAfterSeconds: 3 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 3000 })
    expect(error.retryable).toBe(true)
    expect(fake.requests).toHaveLength(1)
  })

  it('without retry-after, waits until the exhausted limit resets (RFC 3339 header)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2026-01-01T12:00:00Z'))
    fake.rateLimit({ tokensResetAt: '2026-01-01T12:00:45Z' })
    const client = await connect()

    expect(await llmErrorOf(client.generate(request()))).toMatchObject({
      code: 'rate_limit',
      retryAfterMs: 45_000,
    })
  })

  it('maps 529 overloaded_error to rate_limit, worth a retry', async () => {
    fake.overload()
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 529 })
    expect(error.message).toMatch(/^Anthropic API is overloaded \(529: Overloaded\)/)
    expect(error.retryable).toBe(true)
    await expect(client.generate(request())).resolves.toMatchObject({ text: 'hello there world' })
  })

  it('maps 500 to provider and 400 to bad_request (also before a stream starts)', async () => {
    fake.fail({ status: 500 })
    const client = await connect()
    expect(await llmErrorOf(client.generate(request()))).toMatchObject({
      code: 'provider',
      status: 500,
    })

    fake.fail({ status: 400 })
    const next = client.stream(request())[Symbol.asyncIterator]().next()
    expect(await llmErrorOf(next)).toMatchObject({ code: 'bad_request', status: 400 })
  })

  it('tells a wrong base URL from an unknown model', async () => {
    const client = await connect({ baseUrl: `${fake.url}/anthropic` })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'bad_request', status: 404 })
    expect(error.message).toContain('Check the base URL')
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
    const gone = await startFakeAnthropic()
    await gone.close()
    const client = await connect({ baseUrl: gone.url })
    const error = await llmErrorOf(client.generate(request()))

    expect(error.code).toBe('unreachable')
    expect(error.message).toContain(`not reachable at ${gone.url}`)
  })
})
