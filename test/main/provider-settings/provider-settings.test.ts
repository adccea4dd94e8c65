// Provider writes as json edits per layer, the global file chosen, and Test connection's next steps.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  nextStepFor,
  testProviderConnection,
} from '../../../src/main/services/provider-settings/connection-test'
import { globalConfigWritePath } from '../../../src/main/services/provider-settings/overview'
import {
  headerSecrets,
  providerSettingsEdits,
} from '../../../src/main/services/provider-settings/settings-edits'
import type { LlmFactory } from '../../../src/main/services/factory'
import { LlmError } from '../../../src/shared/llm'
import { makeWorkspace, removeWorkspace } from '../config/temp-workspace'

let root = ''
afterEach(() => removeWorkspace(root))

describe('providerSettingsEdits', () => {
  it('maps fields to the factory json overrides; a key becomes a secret: reference', () => {
    expect(
      providerSettingsEdits({
        provider: 'groq',
        layer: 'factory-config',
        model: 'm',
        baseUrl: null,
        apiKey: 'gsk_x',
      }),
    ).toEqual({
      factory: [
        { path: ['groq_settings_for_factory', 'default_model_override'], value: 'm' },
        { path: ['groq_settings_for_factory', 'base_url_override'], value: undefined },
        { path: ['groq_settings_for_factory', 'api_key_override'], value: 'secret:groq' },
      ],
      global: [],
    })
  })

  it('maps fields to llm.<provider>.* in global config; headers go to the factory json as secret refs', () => {
    const change = {
      provider: 'ollama',
      layer: 'global-config' as const,
      model: 'phi3:mini',
      headers: { Authorization: 'Bearer t', 'X-Shared': 'secret:team-token' },
      removeHeaders: ['X-Old'],
    }
    expect(headerSecrets(change.provider, change.headers)).toEqual({
      'ollama-header-authorization': 'Bearer t',
    })
    expect(providerSettingsEdits(change)).toEqual({
      factory: [
        { path: ['ollama_settings_for_factory', 'headers', 'X-Old'], value: undefined },
        {
          path: ['ollama_settings_for_factory', 'headers', 'Authorization'],
          value: 'secret:ollama-header-authorization',
        },
        {
          path: ['ollama_settings_for_factory', 'headers', 'X-Shared'],
          value: 'secret:team-token',
        },
      ],
      global: [{ path: ['llm', 'ollama', 'default_model'], value: 'phi3:mini' }],
    })
  })
})

describe('globalConfigWritePath', () => {
  it("prefers the v4 root file, else current mindX's data/config one when only that exists", async () => {
    root = await makeWorkspace()
    expect(globalConfigWritePath(root)).toBe(join(root, 'mindx_config.json'))
    await mkdir(join(root, 'data', 'config'), { recursive: true })
    await writeFile(join(root, 'data', 'config', 'mindx_config.json'), '{}')
    expect(globalConfigWritePath(root)).toBe(join(root, 'data', 'config', 'mindx_config.json'))
    await writeFile(join(root, 'mindx_config.json'), '{}')
    expect(globalConfigWritePath(root)).toBe(join(root, 'mindx_config.json'))
  })
})

function factoryWith(listModels: () => Promise<{ name: string }[]>): LlmFactory {
  const field = <T>(value: T) => ({
    value,
    source: { layer: 'default' as const, key: 'k', origin: 'built-in' },
    chain: [],
  })
  const unused = () => {
    throw new Error('unused')
  }
  return {
    generateWithFailover: unused,
    streamWithFailover: unused,
    failoverPlan: unused,
    health: unused,
    resetHealth: unused,
    resolve: () =>
      Promise.resolve({
        model: field('llama3'),
        baseUrl: field('http://localhost:11434'),
      } as unknown as Awaited<ReturnType<LlmFactory['resolve']>>),
    createLlmHandler: () =>
      Promise.resolve({ listModels } as unknown as Awaited<
        ReturnType<LlmFactory['createLlmHandler']>
      >),
    trialHandler: unused,
    catalog: () => Promise.reject(new Error('unused')),
    providers: () => Promise.reject(new Error('unused')),
    clearHandlerCache: () => undefined,
  }
}

describe('testProviderConnection', () => {
  it('reports latency and whether the configured model is listed (llama3 = llama3:latest)', async () => {
    let t = 100
    const result = await testProviderConnection(
      factoryWith(() => Promise.resolve([{ name: 'llama3:latest' }, { name: 'phi3:mini' }])),
      'ollama',
      { now: () => (t += 21) },
    )
    expect(result).toEqual({
      ok: true,
      provider: 'ollama',
      model: 'llama3',
      latencyMs: 21,
      models: ['llama3:latest', 'phi3:mini'],
      modelListed: true,
    })
  })

  it('turns typed errors into a next step', async () => {
    const unreachable = new LlmError({ code: 'unreachable', message: 'ECONNREFUSED' })
    const result = await testProviderConnection(
      factoryWith(() => Promise.reject(unreachable)),
      'ollama',
    )
    expect(result).toMatchObject({ ok: false, code: 'unreachable' })
    if (!result.ok)
      expect(result.nextStep).toContain('`ollama serve` running at http://localhost:11434')
  })

  it('names the wait for rate limits and the key for auth', () => {
    expect(nextStepFor('rate_limit', 'groq', null, 2500)).toContain('Retry in 3 s')
    expect(nextStepFor('auth', 'groq', null)).toContain('rejected')
    expect(nextStepFor('model_not_found', 'groq', null)).toContain('Pick one')
  })
})
