// The public mindX checkout (its data/config and models/, copied in test/fixtures/mindx-public-checkout): what mindX uses, the CLI says.
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { loadWorkspaceConfig } from '../../src/main/services/config'

const CHECKOUT = resolve('test/fixtures/mindx-public-checkout')

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const code = await runCli([...argv, '--workspace', CHECKOUT], env, CHECKOUT, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(undefined),
  })
  return { code, out, err, json: () => JSON.parse(out) as Record<string, unknown> }
}

describe('resolve on the public mindX checkout', () => {
  it('gives vllm, Qwen/Qwen3-0.6B at http://localhost:8000, as mindX itself uses', async () => {
    const { code, json } = await cli(['resolve', '--json'])
    expect(code).toBe(0)
    expect(json()).toMatchObject({
      provider: 'vllm',
      protocol: 'openai-compatible',
      model: 'Qwen/Qwen3-0.6B',
      baseUrl: 'http://localhost:8000',
      apiKey: null,
      skipped: [],
      sources: {
        provider: { layer: 'factory-config', key: 'default_provider_preference_order[0]' },
        // models/vllm.yaml is merged under llm.vllm after data/config/*.json, so it wins.
        model: {
          layer: 'global-config',
          key: 'llm.vllm.default_model',
          origin: join(CHECKOUT, 'models/vllm.yaml'),
        },
        baseUrl: { key: 'llm.vllm.base_url', origin: join(CHECKOUT, 'models/vllm.yaml') },
      },
    })
    const chain = (json().chains as { model: { origin: string; status: string }[] }).model
    expect(chain.filter((s) => s.status !== 'absent').map((s) => [s.origin, s.status])).toEqual([
      [join(CHECKOUT, 'models/vllm.yaml'), 'won'],
      [join(CHECKOUT, 'data/config/llm_factory_config.json'), 'shadowed'],
      ['built-in', 'shadowed'],
    ])
  })

  it("takes Ollama's base URL from models/ollama.yaml (YAML wins over the json)", async () => {
    const ollama = await cli(['resolve', '--provider', 'ollama', '--json'])
    expect(ollama.json()).toMatchObject({
      model: 'qwen3:1.7b',
      baseUrl: 'http://10.0.0.155:18080',
      sources: { baseUrl: { origin: join(CHECKOUT, 'models/ollama.yaml') } },
    })
  })

  it('reads provider_registry.json: enabled flags, variable names and rate limits', async () => {
    const ws = await loadWorkspaceConfig({ root: CHECKOUT, env: {} })
    expect(ws.mindxProviders.get('ollama_cloud')).toMatchObject({
      enabled: true,
      apiKeyEnvVar: 'OLLAMA_API_KEY',
      limits: {
        requestsPerMinute: 10,
        requestsPerHour: 150,
        tokensPerMinute: 100000,
        safetyMarginRpm: 1,
      },
    })
    expect(ws.mindxProviders.get('groq')).toMatchObject({
      enabled: false,
      limits: { requestsPerMinute: 30, requestsPerDay: 14400 },
    })
  })

  it('lists every provider with protocol, base URL, key and where they came from', async () => {
    const { code, json } = await cli(['providers', '--json'], {
      OPENROUTER_API_KEY: 'sk-or-v1-0000000000000000abcd',
    })
    expect(code).toBe(0)
    const rows = json().providers as { name: string; baseUrl: string; apiKey: string | null }[]
    expect(rows.map((r) => r.name)).toContain('ollama_cloud')
    expect(rows.find((r) => r.name === 'grok')).toMatchObject({
      baseUrl: 'https://api.x.ai/v1',
      apiKey: null,
    })
    expect(rows.find((r) => r.name === 'openrouter')).toMatchObject({ apiKey: 'sk-…abcd' })
  })
})
