// The OpenAI-compatible provider through the real openai SDK against the fake OpenAI API.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LlmError } from '../../../src/shared/llm'
import createOpenAiCompatibleClient from '../../../src/main/services/providers/openai-compatible/index'
import { openAiSdkBaseUrl } from '../../../src/main/services/providers/openai-compatible/base-url'
import { DEFAULT_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server'
import {
  clientClosedEarly,
  connector,
  drain,
  itClosesStreamsEndedEarly,
  lastBody as lastBodyOf,
  llmErrorOf,
  recordingFetch,
  requestBuilder,
} from '../../helpers/provider-calls'

const MODEL = 'Qwen/Qwen3-0.6B'

let fake: FakeOpenAi

beforeAll(async () => {
  fake = await startFakeOpenAi()
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

const connect = connector(createOpenAiCompatibleClient, () => ({
  model: MODEL,
  provider: 'vllm',
  displayName: 'vLLM',
  apiKey: DEFAULT_OPENAI_KEY,
  baseUrl: fake.url,
}))
const request = requestBuilder(MODEL, 'hello there world')
const lastBody = () => lastBodyOf(fake.requests)

/** Starts a second fake for one test and closes it afterwards. */
async function withFake<T>(
  options: Parameters<typeof startFakeOpenAi>[0],
  work: (other: FakeOpenAi) => Promise<T>,
): Promise<T> {
  const other = await startFakeOpenAi(options)
  try {
    return await work(other)
  } finally {
    await other.close()
  }
}

describe('OpenAI-compatible provider: requests', () => {
  it('generates the answer, reports token usage and names the registry provider', async () => {
    const client = await connect()
    const result = await client.generate(request())

    expect(result).toEqual({
      text: 'hello there world',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    expect(client.provider).toBe('vllm')
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' })
  })

  it('names itself after the protocol when the settings name no provider', async () => {
    const client = await connect({ provider: undefined })
    expect(client.provider).toBe('openai-compatible')
  })

  it('sends the system prompt first, then the history, with max_tokens and temperature', async () => {
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

  it('asks OpenAI itself for max_completion_tokens, which its reasoning models require', async () => {
    const client = await connect({ provider: 'openai', model: 'gpt-4o-mini' })
    await client.generate(request({ model: 'gpt-4o-mini', maxTokens: 5 }))

    expect(lastBody()).toMatchObject({ max_completion_tokens: 5 })
    expect(lastBody()).not.toHaveProperty('max_tokens')
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
    const headers = { 'HTTP-Referer': 'https://mindx.example', 'X-Title': 'mindX Studio' }
    const client = await connect({ headers })
    await client.generate(request())
    await client.listModels()

    expect(fake.requests).toHaveLength(2)
    for (const recorded of fake.requests) {
      expect(recorded.headers.authorization).toBe(`Bearer ${DEFAULT_OPENAI_KEY}`)
      expect(recorded.headers['http-referer']).toBe('https://mindx.example')
      expect(recorded.headers['x-title']).toBe('mindX Studio')
      expect(recorded.headers).not.toHaveProperty('openai-organization')
    }
  })

  it('sends no Authorization header at all to a keyless server', async () => {
    await withFake({ apiKey: null }, async (keyless) => {
      const client = await connect({ apiKey: undefined, baseUrl: keyless.url })
      await expect(client.generate(request())).resolves.toMatchObject({ text: 'hello there world' })
      expect(keyless.requests[0]?.headers).not.toHaveProperty('authorization')
    })
  })

  it('uses the injected fetch', async () => {
    const { fetch: countingFetch, calls } = recordingFetch()
    const client = await connect({ fetch: countingFetch })
    await client.generate(request())

    expect(calls).toEqual([`${fake.url}/v1/chat/completions`])
  })

  it.each([
    ['server root (vLLM style)', (url: string) => url],
    ['/v1 root', (url: string) => `${url}/v1`],
    ['/v1 root with a trailing slash', (url: string) => `${url}/v1/`],
    ['pasted endpoint URL', (url: string) => `${url}/v1/chat/completions`],
  ])('accepts a %s base URL', async (_label, toBaseUrl) => {
    const client = await connect({ baseUrl: toBaseUrl(fake.url) })
    await client.generate(request())

    expect(fake.requests.map((recorded) => recorded.path)).toEqual(['/v1/chat/completions'])
  })

  it('keeps a base URL with its own path as written (OpenRouter)', async () => {
    await withFake({ prefix: '/api/v1' }, async (openRouter) => {
      const client = await connect({ baseUrl: openRouter.apiUrl })
      await client.generate(request())
      expect(openRouter.requests[0]?.path).toBe('/api/v1/chat/completions')
    })
    expect(openAiSdkBaseUrl('https://openrouter.ai/api/v1')).toBe('https://openrouter.ai/api/v1')
    expect(openAiSdkBaseUrl('http://localhost:1234/v1')).toBe('http://localhost:1234/v1')
    expect(openAiSdkBaseUrl('http://localhost:8000')).toBe('http://localhost:8000/v1')
    expect(openAiSdkBaseUrl(undefined)).toBe('https://api.openai.com/v1')
  })

  it('lists the models the server offers, with display names where it gives them', async () => {
    await withFake({ modelNames: true }, async (openRouter) => {
      const client = await connect({ baseUrl: openRouter.apiUrl })
      expect(await client.listModels()).toEqual([
        { name: 'gpt-4o-mini', displayName: 'Fake: gpt-4o-mini' },
        { name: 'Qwen/Qwen3-0.6B', displayName: 'Fake: Qwen/Qwen3-0.6B' },
      ])
      expect(openRouter.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' })
    })
  })
})

describe('OpenAI-compatible provider: streaming', () => {
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
    expect(lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('turns a connection dropped mid-stream into unreachable after the deltas that arrived', async () => {
    fake.dropMidStream(2) // the role chunk and the first word
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({ code: 'unreachable', provider: 'vllm', model: MODEL })
    expect((error as LlmError).message).toContain('dropped')
  })

  it('maps an error chunk inside the stream (OpenRouter) by the status it carries', async () => {
    fake.errorMidStream(1, { code: 502, message: 'Upstream provider disconnected' })
    const client = await connect()
    const { chunks, error } = await drain(client.stream(request()))

    expect(chunks).toEqual([{ type: 'delta', text: 'hello ' }])
    expect(error).toMatchObject({ code: 'provider', status: 502 })
    expect((error as LlmError).message).toContain('Upstream provider disconnected')
  })

  itClosesStreamsEndedEarly({
    fake: () => fake,
    connect: () => connect(),
    request,
    firstWordChunks: 2,
  })
})

describe('OpenAI-compatible provider: errors', () => {
  it('maps a rejected key to auth, naming the key variable', async () => {
    const client = await connect({ apiKey: 'sk-wrong', keyVariable: 'VLLM_API_KEY' })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'vllm' })
    expect(error.message).toMatch(/^vLLM rejected the API key/)
    expect(error.message).toContain('VLLM_API_KEY')
    expect((await llmErrorOf(client.listModels())).code).toBe('auth')
  })

  it('derives the key variable from the provider name when the settings give none', async () => {
    const client = await connect({ apiKey: 'sk-wrong', provider: 'openrouter' })
    expect((await llmErrorOf(client.generate(request()))).message).toContain('OPENROUTER_API_KEY')
  })

  it('maps an unknown model to model_not_found with the server words', async () => {
    const client = await connect()
    const error = await llmErrorOf(client.generate(request({ model: 'no-such-model' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'no-such-model' })
    expect(error.message).toContain('does not exist')
  })

  it('reads flat vLLM error bodies, which the SDK itself drops', async () => {
    await withFake({ errorStyle: 'vllm' }, async (vllm) => {
      const client = await connect({ baseUrl: vllm.url })
      const error = await llmErrorOf(client.generate(request({ model: 'no-such-model' })))
      expect(error).toMatchObject({ code: 'model_not_found', status: 404 })
      expect(error.message).toContain('The model `no-such-model` does not exist')
    })
  })

  it('tells a wrong base URL (404 naming no model) from an unknown model', async () => {
    await withFake({ prefix: '/api/v1' }, async (openRouter) => {
      const client = await connect({ baseUrl: `${openRouter.url}/api` })
      const error = await llmErrorOf(client.generate(request()))
      expect(error).toMatchObject({ code: 'bad_request', status: 404 })
      expect(error.message).toContain('Check the base URL')
    })
  })

  it('maps 429 to rate_limit with retry-after in milliseconds, without retrying', async () => {
    fake.rateLimit({ retryAfterSeconds: 2 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 2000 })
    expect(error.retryable).toBe(true)
    expect(fake.requests).toHaveLength(1)
  })

  it('without retry-after, waits for the exhausted limit of the x-ratelimit-reset-* headers', async () => {
    fake.rateLimit({ resetRequests: '6m0s' })
    const client = await connect()
    expect(await llmErrorOf(client.generate(request()))).toMatchObject({
      code: 'rate_limit',
      retryAfterMs: 360_000,
    })

    fake.rateLimit({ resetTokens: '1.5s' })
    expect((await llmErrorOf(client.generate(request()))).retryAfterMs).toBe(1500)
  })

  it('maps 500 to provider with its status, leaving retries to the factory', async () => {
    fake.fail({ status: 500 })
    const client = await connect()
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'provider', status: 500 })
    expect(error.retryable).toBe(true)
    expect(fake.requests).toHaveLength(1)
    await expect(client.generate(request())).resolves.toMatchObject({ text: 'hello there world' })
  })

  it('maps a 400 to bad_request, also when a stream is refused before its first chunk', async () => {
    fake.fail({ status: 400 })
    const client = await connect()
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

  it('maps a server that is down to unreachable (not worth retrying), naming the URL', async () => {
    const gone = await startFakeOpenAi()
    await gone.close()
    const client = await connect({ baseUrl: gone.url })
    const error = await llmErrorOf(client.generate(request()))

    expect(error).toMatchObject({ code: 'unreachable' })
    expect(error.retryable).toBe(false)
    expect(error.message).toBe(
      `vLLM is not reachable at ${gone.url} — check the network connection and the base URL.`,
    )
  })
})
