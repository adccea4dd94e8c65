// Specification of the resolution layers and the provenance recorded for each field.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../../src/main/services/factory'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'
import type { WorkspaceFiles } from '../../helpers/workspace'

function factoryFor(files: WorkspaceFiles, env: Record<string, string> = {}) {
  const root = makeWorkspace(files)
  return { root, factory: createLlmFactory({ workspace: root, env }) }
}

describe('provider', () => {
  it('defaults to ollama when nothing names one', async () => {
    const { factory } = factoryFor({})
    const { view } = await factory.resolve()
    expect(view.provider).toBe('ollama')
    expect(view.sources.provider).toMatchObject({ layer: 'default' })
  })

  it('takes the argument first, lower-cased', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: { default_provider_preference_order: ['groq'] },
    })
    const { view } = await factory.resolve({ provider: 'Gemini' })
    expect(view.provider).toBe('gemini')
    expect(view.sources.provider).toEqual({
      layer: 'argument',
      key: 'provider',
      origin: 'argument',
    })
  })

  it('takes the first preference with a handler and records the skipped ones', async () => {
    const { root, factory } = factoryFor({
      [FACTORY_JSON]: {
        default_provider_preference_order: ['zerog', 'sambanova', 'groq', 'gemini'],
      },
    })
    const { view } = await factory.resolve()
    expect(view.provider).toBe('groq')
    expect(view.sources.provider).toEqual({
      layer: 'factory-config',
      key: 'default_provider_preference_order[2]',
      origin: join(root, FACTORY_JSON),
    })
    const skipped = view.chains.provider.filter((s) => s.status === 'skipped')
    expect(skipped.map((s) => s.reason)).toEqual([
      'zerog: no handler in this app',
      'sambanova: no handler in this app',
    ])
    expect(view.skipped).toEqual([
      { provider: 'zerog', reason: 'zerog: no handler in this app' },
      { provider: 'sambanova', reason: 'sambanova: no handler in this app' },
    ])
    expect(view.fallbackReason).toBeNull()
  })

  it('finds every registry provider in the order (vllm first, as mindX ships it)', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: { default_provider_preference_order: ['vllm', 'ollama', 'groq'] },
    })
    const { view } = await factory.resolve()
    expect(view).toMatchObject({
      provider: 'vllm',
      displayName: 'vLLM',
      protocol: 'openai-compatible',
      model: 'Qwen/Qwen3-0.6B',
      baseUrl: 'http://localhost:8000',
      apiKey: null,
      skipped: [],
    })
  })

  it('falls back to Mock only when no preference has a handler', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: { default_provider_preference_order: ['zerog', 'sambanova'] },
    })
    const { view } = await factory.resolve()
    expect(view.provider).toBe('mock')
    expect(view.handler).toBe('MockHandler')
    expect(view.fallbackReason).toMatch(
      /none of default_provider_preference_order \(zerog, sambanova\)/,
    )
  })

  it('gives Mock with a reason for an unknown provider argument', async () => {
    const { factory } = factoryFor({})
    const { view } = await factory.resolve({ provider: 'zerog' })
    expect(view.provider).toBe('mock')
    expect(view.fallbackReason).toBe('zerog: no handler in this app, using Mock')
    expect(view.skipped).toEqual([
      { provider: 'zerog', reason: 'zerog: no handler in this app, using Mock' },
    ])
  })

  it('uses llm.default_provider from global config below the factory json', async () => {
    const { root, factory } = factoryFor({
      'mindx_config.json': { llm: { default_provider: 'GROQ' } },
    })
    const { view } = await factory.resolve()
    expect(view.provider).toBe('groq')
    expect(view.sources.provider).toMatchObject({
      layer: 'global-config',
      key: 'llm.default_provider',
      origin: join(root, 'mindx_config.json'),
    })
  })
})

describe('model', () => {
  it('prefers default_model_override, then default_model_for_api_call, then llm.<p>.default_model', async () => {
    const files = {
      [FACTORY_JSON]: {
        groq_settings_for_factory: { default_model_override: 'override-model' },
        provider_specific_handler_config: {
          groq: { default_model_for_api_call: 'api-call-model' },
        },
      },
      'mindx_config.json': { llm: { groq: { default_model: 'global-model' } } },
    }
    const { factory } = factoryFor(files)
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.model).toBe('override-model')
    expect(view.chains.model.map((s) => [s.key, s.status])).toEqual([
      ['model', 'absent'],
      ['groq_settings_for_factory.default_model_override', 'won'],
      ['provider_specific_handler_config.groq.default_model_for_api_call', 'shadowed'],
      ['llm.groq.default_model', 'shadowed'],
      ['default model for groq', 'shadowed'],
    ])
  })

  it('treats empty overrides as unset (mindX ships them as "")', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: { gemini_settings_for_factory: { default_model_override: '' } },
    })
    const { view } = await factory.resolve({ provider: 'gemini' })
    expect(view.model).toBe('gemini-2.5-flash')
    expect(view.sources.model.layer).toBe('default')
  })

  it('gives Ollama the first coding preference of the catalog when nothing names a model', async () => {
    const { factory } = factoryFor({})
    const { view } = await factory.resolve({ provider: 'ollama' })
    expect(view.model).toBe('codegemma:7b-it')
    expect(view.sources.model).toEqual({
      layer: 'cloud-run-preference',
      key: 'cloud_run_friendly_models.default_coding_preference_order',
      origin: 'built-in',
    })
  })

  it('follows a coding order from the json, with the json as origin', async () => {
    const { root, factory } = factoryFor({
      [FACTORY_JSON]: {
        ollama_settings_for_factory: {
          cloud_run_friendly_models: {
            excellent_fit: [
              {
                id: 'qwen_coder',
                ollama_name: 'qwen2.5-coder:1.5b',
                type: 'coding',
                est_memory_needed_gb: 2,
              },
            ],
            default_coding_preference_order: ['missing_id', 'qwen_coder'],
          },
        },
      },
    })
    const { view } = await factory.resolve({ provider: 'ollama' })
    expect(view.model).toBe('qwen2.5-coder:1.5b')
    expect(view.sources.model.origin).toBe(join(root, FACTORY_JSON))
  })

  it('lets llm.ollama.default_model shadow the Cloud Run preference', async () => {
    const { factory } = factoryFor({
      'mindx_config.json': { llm: { ollama: { default_model: 'llama3:8b' } } },
    })
    const { view } = await factory.resolve({ provider: 'ollama' })
    expect(view.model).toBe('llama3:8b')
    const cloudRun = view.chains.model.find((s) => s.layer === 'cloud-run-preference')
    expect(cloudRun).toMatchObject({ status: 'shadowed', value: 'codegemma:7b-it' })
  })
})

describe('apiKey', () => {
  const key = 'gsk_0123456789abcdef9f2a'

  it('is masked in the view and names the env variable it came from', async () => {
    const { factory } = factoryFor({}, { MINDX_LLM__GROQ__API_KEY: key })
    const resolution = await factory.resolve({ provider: 'groq' })
    expect(resolution.apiKey.value).toBe(key)
    expect(resolution.view.apiKey).toBe('gsk_…9f2a')
    expect(JSON.stringify(resolution.view)).not.toContain(key)
    expect(resolution.view.sources.apiKey).toEqual({
      layer: 'global-config',
      key: 'MINDX_LLM__GROQ__API_KEY',
      origin: 'env:MINDX_LLM__GROQ__API_KEY',
    })
  })

  it('falls back to GEMINI_API_KEY / GROQ_API_KEY last', async () => {
    const { factory } = factoryFor({}, { GEMINI_API_KEY: 'AIzaSyFakeKey000000001234' })
    const { view } = await factory.resolve({ provider: 'gemini' })
    expect(view.sources.apiKey).toMatchObject({
      key: 'GEMINI_API_KEY',
      origin: 'env:GEMINI_API_KEY',
    })
  })

  it('prefers api_key_override in the factory json over the environment', async () => {
    const { factory } = factoryFor(
      {
        [FACTORY_JSON]: { groq_settings_for_factory: { api_key_override: 'gsk_fromjson00000001' } },
      },
      { GROQ_API_KEY: key },
    )
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.apiKey).toBe('gsk_…0001')
    expect(view.chains.apiKey.find((s) => s.key === 'GROQ_API_KEY')?.status).toBe('shadowed')
  })

  it('reads .env without letting it override the real environment', async () => {
    const { factory } = factoryFor(
      { '.env': 'GROQ_API_KEY=gsk_fromdotenv000000aaaa\nGEMINI_API_KEY=AIza_dotenv_only_bbbb\n' },
      { GROQ_API_KEY: key },
    )
    expect((await factory.resolve({ provider: 'groq' })).view.sources.apiKey.origin).toBe(
      'env:GROQ_API_KEY',
    )
    expect((await factory.resolve({ provider: 'gemini' })).view.sources.apiKey.origin).toBe(
      'dotenv:GEMINI_API_KEY',
    )
  })

  it('dereferences "env:NAME" values in mindx_config.json', async () => {
    const { factory } = factoryFor(
      { 'mindx_config.json': { llm: { groq: { api_key: 'env:MY_GROQ' } } } },
      { MY_GROQ: key },
    )
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.apiKey).toBe('gsk_…9f2a')
    expect(view.sources.apiKey.origin).toBe('env:MY_GROQ')
  })

  it('is null with a default source when nothing sets it, and calls then fail with auth', async () => {
    const { factory } = factoryFor({})
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.apiKey).toBeNull()
    expect(view.handler).toBe('GroqHandler')
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    const error = await handler.generateText('hi').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'auth' })
    expect((error as Error).message).toMatch(/api_key_override.*llm\.groq\.api_key.*GROQ_API_KEY/)
  })

  it('does not apply to Ollama or Mock', async () => {
    const { factory } = factoryFor({}, { GROQ_API_KEY: key })
    expect((await factory.resolve({ provider: 'ollama' })).view.apiKey).toBeNull()
  })
})

describe('baseUrl', () => {
  it('defaults to localhost:11434 for Ollama and the SDK default elsewhere', async () => {
    const { factory } = factoryFor({})
    expect((await factory.resolve({ provider: 'ollama' })).view.baseUrl).toBe(
      'http://localhost:11434',
    )
    expect((await factory.resolve({ provider: 'groq' })).view.baseUrl).toBeNull()
  })

  it('honours OLLAMA_HOST below llm.ollama.base_url', async () => {
    const { factory } = factoryFor({}, { OLLAMA_HOST: '0.0.0.0:11500' })
    const { view } = await factory.resolve({ provider: 'ollama' })
    expect(view.baseUrl).toBe('http://127.0.0.1:11500')
    expect(view.sources.baseUrl).toMatchObject({ key: 'OLLAMA_HOST', origin: 'env:OLLAMA_HOST' })

    const withGlobal = factoryFor(
      { 'mindx_config.json': { llm: { ollama: { base_url: 'http://gpu-box:11434' } } } },
      { OLLAMA_HOST: '0.0.0.0:11500' },
    )
    expect((await withGlobal.factory.resolve({ provider: 'ollama' })).view.baseUrl).toBe(
      'http://gpu-box:11434',
    )
  })

  it('takes base_url_override from the factory json for any provider', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: {
        groq_settings_for_factory: { base_url_override: 'http://gateway.local/groq' },
      },
    })
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.baseUrl).toBe('http://gateway.local/groq')
    expect(view.sources.baseUrl.layer).toBe('factory-config')
  })
})

describe('errors and caching', () => {
  it('rejects with file, line and column when the factory json is invalid', async () => {
    const { factory } = factoryFor({
      [FACTORY_JSON]: '{\n  "default_provider_preference_order": [\n}',
    })
    await expect(factory.resolve()).rejects.toMatchObject({
      name: 'ConfigFileError',
      line: 3,
      column: 1,
    })
  })

  it('single-flights concurrent creations of one handler', async () => {
    let builds = 0
    const root = makeWorkspace({})
    const factory = createLlmFactory({
      workspace: root,
      env: {},
      protocols: {
        mock: async () => {
          builds++
          await new Promise((r) => setTimeout(r, 20))
          return (await import('../../../src/main/services/providers/mock')).default
        },
      },
    })
    const handlers = await Promise.all(
      Array.from({ length: 5 }, () => factory.createLlmHandler({ provider: 'mock' })),
    )
    expect(new Set(handlers).size).toBe(1)
    expect(builds).toBe(1)
    expect(await factory.createLlmHandler({ provider: 'mock', model: 'other' })).not.toBe(
      handlers[0],
    )
    factory.clearHandlerCache()
    expect(await factory.createLlmHandler({ provider: 'mock' })).not.toBe(handlers[0])
  })

  it('falls back to Mock with a reason when a provider SDK cannot load', async () => {
    const root = makeWorkspace({})
    const factory = createLlmFactory({
      workspace: root,
      env: {},
      protocols: { ollama: () => Promise.reject(new Error("Cannot find package 'ollama'")) },
    })
    // resolve loads no SDK: it reports the plan until a handler has been built.
    expect((await factory.resolve({ provider: 'ollama' })).view.handler).toBe('OllamaHandler')
    const handler = await factory.createLlmHandler({ provider: 'ollama' })
    expect(await handler.generateText('hello')).toContain('You said: hello')
    const { view } = await factory.resolve({ provider: 'ollama' })
    expect(view.handler).toBe('MockHandler')
    expect(view.fallbackReason).toMatch(
      /ollama: its SDK could not be loaded \(Cannot find package 'ollama'\)/,
    )
  })
})
