// The checked-in workspaces read end to end: a current mindX checkout and the old v4 layout.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWorkspaceConfig } from '../../../src/main/services/config'
import { providerSettingsIn } from '../../../src/shared/config-schema'
import { MINDX_CHECKOUT, V4_WORKSPACE, snapshotTree } from './temp-workspace'

describe('a current mindX checkout', () => {
  const configDir = join(MINDX_CHECKOUT, 'data/config')

  it('merges data/config in name order, then .env, skipping the broken file with a warning', async () => {
    const { global } = await loadWorkspaceConfig({ root: MINDX_CHECKOUT, env: {} })
    expect(global.files).toEqual([
      join(configDir, 'llm_factory_config.json'),
      join(configDir, 'mindx_config.json'),
      join(configDir, 'provider_registry.json'),
      join(MINDX_CHECKOUT, '.env'),
    ])
    expect(global.warnings).toEqual([
      {
        file: join(configDir, 'zz_broken.json'),
        line: 2,
        column: 3,
        message: expect.stringContaining('comments are not allowed in JSON') as string,
      },
    ])
  })

  it("reads llm_factory_config.json's llm section as global keys", async () => {
    const { global } = await loadWorkspaceConfig({ root: MINDX_CHECKOUT, env: {} })
    expect(global.get('llm.ollama.base_url')).toEqual({
      value: 'http://127.0.0.1:11434',
      key: 'llm.ollama.base_url',
      origin: join(configDir, 'llm_factory_config.json'),
    })
    // mindx_config.json sorts after llm_factory_config.json, so its value wins.
    expect(global.lookup('llm.ollama.timeout').map(({ value, origin }) => [value, origin])).toEqual(
      [
        [90, join(configDir, 'mindx_config.json')],
        [120, join(configDir, 'llm_factory_config.json')],
      ],
    )
  })

  it('takes keys from the single-underscore .env and dereferences env: values', async () => {
    const { global } = await loadWorkspaceConfig({ root: MINDX_CHECKOUT, env: {} })
    expect(global.get('llm.groq.api_key')).toMatchObject({
      value: 'gsk_fixture_not_a_real_key_0000000000',
      origin: 'dotenv:MINDX_LLM_GROQ_API_KEY',
    })
    expect(global.get('llm.gemini.api_key')).toMatchObject({
      value: 'AIza_fixture_not_a_real_key_0000000000',
      origin: 'dotenv:GEMINI_API_KEY',
    })
  })

  it('lets the injected environment override both .env and json', async () => {
    const env = { MINDX_LLM__OLLAMA__BASE_URL: 'http://127.0.0.1:9', GEMINI_API_KEY: 'fake-real' }
    const { global } = await loadWorkspaceConfig({ root: MINDX_CHECKOUT, env })
    expect(global.get('llm.ollama.base_url')?.origin).toBe('env:MINDX_LLM__OLLAMA__BASE_URL')
    expect(global.get('llm.gemini.api_key')).toMatchObject({
      value: 'fake-real',
      origin: 'env:GEMINI_API_KEY',
    })
  })

  it('loads the factory json with its unknown sections', async () => {
    const { factory } = await loadWorkspaceConfig({ root: MINDX_CHECKOUT, env: {} })
    expect(factory.path).toBe(join(configDir, 'llm_factory_config.json'))
    expect(factory.data.default_provider_preference_order).toEqual([
      'vllm',
      'ollama',
      'ollama_cloud',
      'groq',
      'gemini',
      'mistral',
      'grok',
    ])
    expect(factory.data).toHaveProperty('rate_limit_profiles.groq.rpm', 30)
    expect(factory.data).toHaveProperty('execution_timeouts.max_minutes', 120)
  })
})

describe('a v4 workspace', () => {
  it('reads the root mindx_config.json and the double-underscore .env', async () => {
    const { global } = await loadWorkspaceConfig({ root: V4_WORKSPACE, env: {} })
    expect(global.get('llm.ollama.base_url')).toMatchObject({
      value: 'http://127.0.0.1:11434',
      origin: join(V4_WORKSPACE, 'mindx_config.json'),
    })
    expect(global.get('llm.ollama.default_model')).toEqual({
      value: 'llama3:8b-instruct-q5_K_M',
      key: 'MINDX_LLM__OLLAMA__DEFAULT_MODEL',
      origin: 'dotenv:MINDX_LLM__OLLAMA__DEFAULT_MODEL',
    })
    expect(global.env('OLLAMA_HOST')?.origin).toBe('dotenv:OLLAMA_HOST')
    expect(global.warnings).toEqual([])
  })

  it('loads the *_settings_for_factory overrides', async () => {
    const { factory } = await loadWorkspaceConfig({ root: V4_WORKSPACE, env: {} })
    expect(providerSettingsIn(factory.data, 'gemini').default_model_override).toBe(
      'gemini-1.5-pro-latest',
    )
    const models = factory.data.ollama_settings_for_factory?.cloud_run_friendly_models
    expect(models?.default_coding_preference_order).toEqual(['deepseek_coder_6.7b'])
  })
})

describe('reading a checkout', () => {
  it.each([
    ['mindx-checkout', MINDX_CHECKOUT],
    ['v4-workspace', V4_WORKSPACE],
  ])('never modifies, adds or removes a file (%s)', async (_name, root) => {
    const before = await snapshotTree(root)
    await loadWorkspaceConfig({ root, env: { MINDX_LLM__OLLAMA__BASE_URL: 'http://127.0.0.1:9' } })
    expect(await snapshotTree(root)).toEqual(before)
  })
})
