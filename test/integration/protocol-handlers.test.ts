// The new protocol clients inside the factory's handler: its retries (honouring their retry hints),
// JSON check, usage and timings, before the registry routes provider names to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StreamEvent } from '../../src/shared/llm'
import { DEFAULT_CALL_POLICY } from '../../src/main/services/factory/call-policy'
import { ResilienceRegistry } from '../../src/main/services/resilience'
import { createHandler } from '../../src/main/services/factory/handler'
import createAnthropicClient from '../../src/main/services/providers/anthropic/index'
import createMistralClient from '../../src/main/services/providers/mistral/index'
import createOllamaClient from '../../src/main/services/providers/ollama/index'
import createOpenAiCompatibleClient from '../../src/main/services/providers/openai-compatible/index'
import type { ProviderClient } from '../../src/main/services/providers/types'
import { DEFAULT_ANTHROPIC_KEY, startFakeAnthropic } from '../fakes/anthropic-server'
import type { FakeAnthropic } from '../fakes/anthropic-server'
import { DEFAULT_MISTRAL_KEY, startFakeMistral } from '../fakes/mistral-server'
import type { FakeMistral } from '../fakes/mistral-server'
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server'
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server'

let openAi: FakeOpenAi
let anthropic: FakeAnthropic
let mistral: FakeMistral
let ollamaCloud: FakeOllama

beforeAll(async () => {
  ;[openAi, anthropic, mistral, ollamaCloud] = await Promise.all([
    startFakeOpenAi({ apiKey: null }),
    startFakeAnthropic(),
    startFakeMistral(),
    startFakeOllama({ models: ['gpt-oss:120b'], apiKey: 'cloud-key' }),
  ])
  // First imports of the SDKs take seconds on a busy machine (Mistral's most): paid once, here.
  await createMistralClient({ model: 'warm-up', apiKey: DEFAULT_MISTRAL_KEY })
  await createAnthropicClient({ model: 'warm-up', apiKey: DEFAULT_ANTHROPIC_KEY })
}, 60_000)
afterAll(async () => {
  await Promise.all([openAi, anthropic, mistral, ollamaCloud].map((fake) => fake.close()))
})

/** The handler's one base URL, with a fresh health state. */
function singleEndpoint(client: ProviderClient) {
  const resilience = new ResilienceRegistry()
  return {
    endpoints: [{ baseUrl: null, client, state: resilience.endpoint(client.provider, null) }],
    clock: resilience.clock,
  }
}

/** A handler around `client` whose retry sleeps are recorded instead of waited. */
function handlerFor(client: ProviderClient, model: string) {
  const sleeps: number[] = []
  const handler = createHandler({
    provider: client.provider,
    model,
    handlerClass: 'MockHandler',
    fallbackReason: null,
    ...singleEndpoint(client),
    policy: {
      ...DEFAULT_CALL_POLICY,
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
    },
  })
  return { handler, sleeps }
}

async function streamed(events: AsyncIterable<StreamEvent>) {
  const all: StreamEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

describe('vLLM (OpenAI-compatible, keyless) through the handler', () => {
  const connect = () =>
    createOpenAiCompatibleClient({
      model: 'Qwen/Qwen3-0.6B',
      provider: 'vllm',
      baseUrl: openAi.url,
    })

  it('waits for the exhausted x-ratelimit reset before its retry, then answers', async () => {
    openAi.reset()
    openAi.rateLimit({ resetTokens: '1.5s' })
    const { handler, sleeps } = handlerFor(await connect(), 'Qwen/Qwen3-0.6B')

    expect(await handler.generateText('hello vllm')).toBe('hello vllm')
    expect(sleeps).toEqual([1500])
    expect(openAi.requests).toHaveLength(2)
  })

  it('streams deltas, then done with usage and timings', async () => {
    const { handler } = handlerFor(await connect(), 'Qwen/Qwen3-0.6B')
    const events = await streamed(handler.streamText('one two three'))

    expect(events.filter((event) => event.type === 'delta')).toHaveLength(3)
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      text: 'one two three',
      provider: 'vllm',
      usage: { promptTokens: 3, completionTokens: 3 },
      timings: { firstTokenMs: expect.any(Number), totalMs: expect.any(Number) },
    })
  })
})

describe('Anthropic through the handler', () => {
  const connect = () =>
    createAnthropicClient({
      model: 'claude-haiku-4-5',
      apiKey: DEFAULT_ANTHROPIC_KEY,
      baseUrl: anthropic.url,
    })

  it('retries a 529 overloaded answer with backoff, then answers', async () => {
    anthropic.reset()
    anthropic.overload()
    const { handler, sleeps } = handlerFor(await connect(), 'claude-haiku-4-5')

    expect(await handler.generateText('hello claude')).toBe('hello claude')
    expect(sleeps).toEqual([500])
  })

  it('JSON mode: the instruction gets JSON, and the factory rejects an answer that is not', async () => {
    anthropic.reset()
    const { handler } = handlerFor(await connect(), 'claude-haiku-4-5')
    const ok = await handler.generate('data please', { jsonMode: true })
    expect(JSON.parse(ok.text)).toEqual({ echo: 'data please' })

    anthropic.setInvalidJson(true)
    try {
      await expect(handler.generate('data please', { jsonMode: true })).rejects.toMatchObject({
        code: 'invalid_json',
        provider: 'anthropic',
      })
    } finally {
      anthropic.setInvalidJson(false)
    }
  })
})

describe('Mistral and Ollama Cloud through the handler', () => {
  it("Mistral: waits the 429's retry-after, then answers", async () => {
    mistral.reset()
    mistral.rateLimit({ retryAfterSeconds: 2 })
    const client = await createMistralClient({
      model: 'mistral-small-latest',
      apiKey: DEFAULT_MISTRAL_KEY,
      baseUrl: mistral.apiUrl,
    })
    const { handler, sleeps } = handlerFor(client, 'mistral-small-latest')

    expect(await handler.generateText('bonjour')).toBe('bonjour')
    expect(sleeps).toEqual([2000])
  })

  it('Ollama Cloud: streams with the key as bearer; a refused key is auth, not retried', async () => {
    const settings = { model: 'gpt-oss:120b', provider: 'ollama_cloud', baseUrl: ollamaCloud.url }
    const good = handlerFor(
      await createOllamaClient({ ...settings, apiKey: 'cloud-key' }),
      settings.model,
    )
    const events = await streamed(good.handler.streamText('hi'))
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      text: 'You said: hi',
      provider: 'ollama_cloud',
    })

    ollamaCloud.reset()
    const bad = handlerFor(
      await createOllamaClient({ ...settings, apiKey: 'nope' }),
      settings.model,
    )
    await expect(bad.handler.generateText('hi')).rejects.toMatchObject({ code: 'auth' })
    expect(ollamaCloud.requests).toHaveLength(1)
    expect(bad.sleeps).toEqual([])
  })
})
