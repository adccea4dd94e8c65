// Registry names through createLlmFactory to the real SDKs: each protocol's loader, settings and headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../src/main/services/factory'
import { DEFAULT_ANTHROPIC_KEY, startFakeAnthropic } from '../fakes/anthropic-server'
import type { FakeAnthropic } from '../fakes/anthropic-server'
import { DEFAULT_MISTRAL_KEY, startFakeMistral } from '../fakes/mistral-server'
import type { FakeMistral } from '../fakes/mistral-server'
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server'
import { DEFAULT_OPENAI_KEY, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server'
import { makeWorkspace } from '../helpers/workspace'

let vllm: FakeOpenAi
let openRouter: FakeOpenAi
let anthropic: FakeAnthropic
let mistral: FakeMistral
let ollamaCloud: FakeOllama

beforeAll(async () => {
  ;[vllm, openRouter, anthropic, mistral, ollamaCloud] = await Promise.all([
    startFakeOpenAi({ apiKey: null }),
    startFakeOpenAi({ prefix: '/api/v1', models: ['qwen/qwen3-8b'] }),
    startFakeAnthropic(),
    startFakeMistral(),
    startFakeOllama({ models: ['gpt-oss:120b'], apiKey: 'cloud-key' }),
  ])
  // The Mistral SDK's first import builds thousands of schemas (seconds when busy): paid here, once.
  await import('@mistralai/mistralai/models/errors')
}, 60_000)
afterAll(async () => {
  await Promise.all([vllm, openRouter, anthropic, mistral, ollamaCloud].map((f) => f.close()))
})

function factory(env: Record<string, string>) {
  return createLlmFactory({ workspace: makeWorkspace({}), env, policy: { maxRetries: 0 } })
}

describe('registry providers reach their protocol clients', () => {
  it('vllm: keyless OpenAI-compatible at VLLM_BASE_URL (server root), no Authorization sent', async () => {
    const handler = await factory({ VLLM_BASE_URL: vllm.url }).createLlmHandler({
      provider: 'vllm',
      model: 'Qwen/Qwen3-0.6B',
    })

    expect(handler).toMatchObject({ providerName: 'vllm', handlerClass: 'OpenAICompatibleHandler' })
    expect(await handler.generateText('hello vllm')).toBe('hello vllm')
    expect(vllm.requests.at(-1)).toMatchObject({ path: '/v1/chat/completions' })
    expect(vllm.requests.at(-1)?.headers).not.toHaveProperty('authorization')
  })

  it("openrouter: the key, the registry's default headers, and errors named for OpenRouter", async () => {
    const env = {
      OPENROUTER_API_KEY: DEFAULT_OPENAI_KEY,
      MINDX_LLM__OPENROUTER__BASE_URL: openRouter.apiUrl,
    }
    const handler = await factory(env).createLlmHandler({ provider: 'openrouter' })
    const models = await handler.listModels()
    expect(models.map((model) => model.name)).toEqual(['qwen/qwen3-8b'])
    await handler.generateText('hi', { model: 'qwen/qwen3-8b' })

    const sent = openRouter.requests.at(-1)?.headers
    expect(sent).toMatchObject({ authorization: `Bearer ${DEFAULT_OPENAI_KEY}` })
    expect(sent?.['http-referer']).toBeTruthy()
    expect(sent?.['x-title']).toBeTruthy()

    const wrong = await factory({ ...env, OPENROUTER_API_KEY: 'sk-wrong' }).createLlmHandler({
      provider: 'openrouter',
    })
    await expect(wrong.generateText('hi', { model: 'qwen/qwen3-8b' })).rejects.toMatchObject({
      code: 'auth',
      provider: 'openrouter',
      message: expect.stringMatching(/^OpenRouter rejected the API key.*OPENROUTER_API_KEY/),
    })
  })

  it('anthropic: the Messages API with ANTHROPIC_API_KEY', async () => {
    const handler = await factory({
      ANTHROPIC_API_KEY: DEFAULT_ANTHROPIC_KEY,
      MINDX_LLM__ANTHROPIC__BASE_URL: `${anthropic.url}/v1`,
    }).createLlmHandler({ provider: 'anthropic', model: 'claude-haiku-4-5' })

    expect(handler.handlerClass).toBe('AnthropicHandler')
    const result = await handler.generate('hello claude', { jsonMode: true })
    expect(JSON.parse(result.text)).toEqual({ echo: 'hello claude' })
    expect(result).toMatchObject({ provider: 'anthropic', usage: { completionTokens: 2 } })
  })

  it('mistral: chat completions with MISTRAL_API_KEY at the /v1 base URL', async () => {
    const handler = await factory({
      MISTRAL_API_KEY: DEFAULT_MISTRAL_KEY,
      MINDX_LLM__MISTRAL__BASE_URL: mistral.apiUrl,
    }).createLlmHandler({ provider: 'mistral', model: 'mistral-small-latest' })

    expect(handler.handlerClass).toBe('MistralHandler')
    expect(await handler.generateText('bonjour')).toBe('bonjour')
  })

  it('ollama_cloud: OLLAMA_API_KEY as the bearer token at OLLAMA_CLOUD_URL', async () => {
    const handler = await factory({
      OLLAMA_API_KEY: 'cloud-key',
      OLLAMA_CLOUD_URL: ollamaCloud.url,
    }).createLlmHandler({ provider: 'ollama_cloud', model: 'gpt-oss:120b' })

    expect(await handler.generateText('hi')).toBe('You said: hi')
    expect(ollamaCloud.requests.at(-1)?.headers.authorization).toBe('Bearer cloud-key')
  })
})
