// Every registry provider resolves through the same layers: key and base-URL variables, custom endpoints, stand-ins.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../../src/main/services/factory'
import type { LlmFactoryOptions } from '../../../src/main/services/factory'
import { LlmError } from '../../../src/shared/llm'
import { BUILT_IN_PROVIDERS } from '../../../src/shared/providers'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'
import type { WorkspaceFiles } from '../../helpers/workspace'

function factoryFor(
  files: WorkspaceFiles,
  env: Record<string, string> = {},
  options: Partial<LlmFactoryOptions> = {},
) {
  const root = makeWorkspace(files)
  return { root, factory: createLlmFactory({ workspace: root, env, ...options }) }
}

const CUSTOM = {
  custom_providers: {
    'my-gw': {
      display_name: 'My gateway',
      protocol: 'openai-compatible',
      base_url: 'https://gw.example.com/v1',
      api_key: 'secret:my-gw',
      headers: { 'X-Team': 'secret:my-gw-header-x-team', 'X-Plain': 'visible' },
      default_model: 'qwen2.5:7b',
    },
  },
}

describe('the built-in registry', () => {
  it('holds one descriptor per provider mindX names, each with a protocol', () => {
    expect(BUILT_IN_PROVIDERS.map((p) => [p.name, p.protocol])).toEqual([
      ['ollama', 'ollama'],
      ['ollama_cloud', 'ollama'],
      ['vllm', 'openai-compatible'],
      ['openrouter', 'openai-compatible'],
      ['grok', 'openai-compatible'],
      ['openai', 'openai-compatible'],
      ['together', 'openai-compatible'],
      ['lmstudio', 'openai-compatible'],
      ['anthropic', 'anthropic'],
      ['mistral', 'mistral'],
      ['gemini', 'gemini'],
      ['groq', 'groq'],
      ['mock', 'mock'],
    ])
  })
})

describe('keys for any provider', () => {
  it('reads GROK_API_KEY, then XAI_API_KEY, after llm.grok.api_key', async () => {
    const { factory } = factoryFor({}, { XAI_API_KEY: 'xai-second-0000000002' })
    expect((await factory.resolve({ provider: 'grok' })).view).toMatchObject({
      apiKey: 'xai-…0002',
      sources: { apiKey: { key: 'XAI_API_KEY', origin: 'env:XAI_API_KEY' } },
    })
    const both = factoryFor({}, { XAI_API_KEY: 'xai-b-2222', GROK_API_KEY: 'xai-a-1111111111' })
    expect((await both.factory.resolve({ provider: 'grok' })).view.sources.apiKey.key).toBe(
      'GROK_API_KEY',
    )
    const mindx = factoryFor(
      {},
      { GROK_API_KEY: 'xai-a-1111111111', MINDX_LLM_GROK_API_KEY: 'xai-m-3333333333' },
    )
    const chain = (await mindx.factory.resolve({ provider: 'grok' })).view.chains.apiKey
    expect(chain.filter((s) => s.status !== 'absent').map((s) => [s.key, s.status])).toEqual([
      ['MINDX_LLM_GROK_API_KEY', 'won'],
      ['GROK_API_KEY', 'shadowed'],
      ['no API key set', 'shadowed'],
    ])
  })

  it('gives a required-key provider without a key the client that fails with auth, naming the ways', async () => {
    const { factory } = factoryFor({})
    const handler = await factory.createLlmHandler({ provider: 'anthropic' })
    const failure = await handler.generateText('hi').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LlmError)
    expect(failure).toMatchObject({ code: 'auth', provider: 'anthropic' })
    expect((failure as LlmError).message).toMatch(
      /No Anthropic API key is set\..*anthropic_settings_for_factory\.api_key_override.*MINDX_LLM__ANTHROPIC__API_KEY.*ANTHROPIC_API_KEY/,
    )
  })

  it('lets vllm run without a key but reads VLLM_API_KEY when set', async () => {
    const { factory } = factoryFor({}, { VLLM_API_KEY: 'token-abcdef123456' })
    const { view } = await factory.resolve({ provider: 'vllm' })
    expect(view.apiKey).toBe('token-…3456')
    const none = factoryFor({})
    expect((await none.factory.resolve({ provider: 'vllm' })).view.apiKey).toBeNull()
  })
})

describe('base URLs for any provider', () => {
  it('takes llm.<p>.base_url, then the base-URL variables, then the descriptor default', async () => {
    const { factory } = factoryFor({}, { VLLM_BASE_URL: 'http://gpu-box:8000' })
    expect((await factory.resolve({ provider: 'vllm' })).view).toMatchObject({
      baseUrl: 'http://gpu-box:8000',
      sources: { baseUrl: { layer: 'global-config', key: 'VLLM_BASE_URL' } },
    })
    const json = factoryFor(
      { [FACTORY_JSON]: { llm: { vllm: { base_url: 'http://json:8000' } } } },
      { VLLM_BASE_URL: 'http://gpu-box:8000' },
    )
    expect((await json.factory.resolve({ provider: 'vllm' })).view.baseUrl).toBe('http://json:8000')
    const cloud = factoryFor({}, { OLLAMA_CLOUD_URL: 'https://eu.ollama.example' })
    expect((await cloud.factory.resolve({ provider: 'ollama_cloud' })).view.baseUrl).toBe(
      'https://eu.ollama.example',
    )
    const plain = factoryFor({})
    expect((await plain.factory.resolve({ provider: 'openrouter' })).view).toMatchObject({
      baseUrl: 'https://openrouter.ai/api/v1',
      sources: { baseUrl: { layer: 'default', key: 'default OpenRouter URL' } },
    })
  })

  it('adds the variables provider_registry.json names (mindX reads them too)', async () => {
    const registry = {
      vllm: { api_key_env_var: 'MY_VLLM_TOKEN', base_url_env_var: 'MY_VLLM_URL', enabled: true },
    }
    const { factory } = factoryFor(
      { 'data/config/provider_registry.json': registry },
      { MY_VLLM_URL: 'http://other:8000', MY_VLLM_TOKEN: 'tok-000000001111' },
    )
    const { view } = await factory.resolve({ provider: 'vllm' })
    expect(view.sources.baseUrl.key).toBe('MY_VLLM_URL')
    expect(view.sources.apiKey.key).toBe('MY_VLLM_TOKEN')
  })
})

describe('custom endpoints', () => {
  it('are providers: key, headers and base URL from custom_providers, secrets resolved', async () => {
    const secrets = {
      label: 'test store',
      readAll: () => Promise.resolve({ 'my-gw': 'sk-gw-secret-9999', 'my-gw-header-x-team': 'T1' }),
      get: () => Promise.resolve(undefined),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    }
    const { root, factory } = factoryFor({ [FACTORY_JSON]: CUSTOM }, {}, { secrets })
    const resolution = await factory.resolve({ provider: 'my-gw' })
    expect(resolution.view).toMatchObject({
      provider: 'my-gw',
      displayName: 'My gateway',
      protocol: 'openai-compatible',
      model: 'qwen2.5:7b',
      baseUrl: 'https://gw.example.com/v1',
      apiKey: 'sk-…9999',
      sources: {
        baseUrl: {
          layer: 'factory-config',
          key: 'custom_providers.my-gw.base_url',
          origin: join(root, FACTORY_JSON),
        },
        apiKey: { key: 'custom_providers.my-gw.api_key', origin: 'secret:my-gw' },
      },
    })
    expect(resolution.headers).toEqual({ 'X-Team': 'T1', 'X-Plain': 'visible' })
    expect((await factory.providers()).get('my-gw')?.origin).toBe('custom')
  })

  it('fails calls with auth when a header names a secret the store does not have', async () => {
    const { factory } = factoryFor(
      { [FACTORY_JSON]: CUSTOM },
      {},
      { protocols: { 'openai-compatible': () => Promise.reject(new Error('not reached')) } },
    )
    const handler = await factory.createLlmHandler({ provider: 'my-gw' })
    await expect(handler.listModels()).rejects.toMatchObject({
      code: 'auth',
      message: expect.stringMatching(/X-Team header of my-gw refers to secret:my-gw-header-x-team/),
    })
  })

  it('are refused when the name clashes with a built-in or is malformed', async () => {
    const clash = factoryFor({
      [FACTORY_JSON]: { custom_providers: { groq: { protocol: 'ollama', base_url: 'http://x' } } },
    })
    await expect(clash.factory.resolve()).rejects.toThrow(/"groq" is a built-in provider/)
    const bad = factoryFor({
      [FACTORY_JSON]: {
        custom_providers: { 'My GW': { protocol: 'ollama', base_url: 'http://x' } },
      },
    })
    await expect(bad.factory.resolve()).rejects.toThrow(/"My GW" is not a valid provider name/)
  })
})

describe('a protocol this app has no folder for', () => {
  it('still resolves (provenance and all), and Mock answers with the reason', async () => {
    const { factory } = factoryFor(
      { [FACTORY_JSON]: { default_provider_preference_order: ['vllm'] } },
      {},
      { protocols: { 'openai-compatible': undefined } },
    )
    const { view } = await factory.resolve()
    expect(view).toMatchObject({
      provider: 'vllm',
      model: 'Qwen/Qwen3-0.6B',
      handler: 'MockHandler',
      fallbackReason: 'vllm: openai-compatible protocol not available, using Mock',
    })
    const handler = await factory.createLlmHandler()
    expect(handler.fallbackReason).toBe(view.fallbackReason)
    expect(await handler.generateText('ping')).toContain('You said: ping')
  })
})
