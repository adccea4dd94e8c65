// Specification of API keys kept out of config files: the 0600 store and "secret:NAME" references.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../../src/main/services/factory'
import { FileSecretStore } from '../../../src/main/services/secrets'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

describe('FileSecretStore', () => {
  it('keeps secrets in .mindx/secrets.json readable by the owner only, ignored by git', async () => {
    const ws = makeWorkspace({})
    const store = new FileSecretStore(ws)
    expect(await store.get('groq')).toBeUndefined()
    await store.set('groq', 'gsk_stored_key_000000001111')
    await store.set('gemini', 'AIza_stored_key_2222')
    expect(await store.readAll()).toEqual({
      groq: 'gsk_stored_key_000000001111',
      gemini: 'AIza_stored_key_2222',
    })
    const path = join(ws, '.mindx/secrets.json')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(ws, '.mindx/.gitignore'), 'utf8')).toBe('*\n')
    await store.delete('groq')
    expect(await store.get('groq')).toBeUndefined()
    expect(await store.get('gemini')).toBe('AIza_stored_key_2222')
  })
})

describe('"secret:NAME" api keys', () => {
  it('resolve to the stored key, with the reference as origin and the key masked', async () => {
    const ws = makeWorkspace({
      [FACTORY_JSON]: { groq_settings_for_factory: { api_key_override: 'secret:groq' } },
    })
    const secrets = new FileSecretStore(ws)
    await secrets.set('groq', 'gsk_stored_key_000000001111')
    const factory = createLlmFactory({ workspace: ws, env: {}, secrets })
    const resolution = await factory.resolve({ provider: 'groq' })
    expect(resolution.apiKey.value).toBe('gsk_stored_key_000000001111')
    expect(resolution.view.apiKey).toBe('gsk_…1111')
    expect(resolution.view.sources.apiKey).toEqual({
      layer: 'factory-config',
      key: 'groq_settings_for_factory.api_key_override',
      origin: 'secret:groq',
    })
    expect(JSON.stringify(resolution.view)).not.toContain('stored_key')
  })

  it('skip a dangling reference with the reason, falling through to the next layer', async () => {
    const ws = makeWorkspace({
      [FACTORY_JSON]: { groq_settings_for_factory: { api_key_override: 'secret:groq' } },
    })
    const factory = createLlmFactory({
      workspace: ws,
      env: { GROQ_API_KEY: 'gsk_env_key_000000003333' },
      secrets: new FileSecretStore(ws),
    })
    const { view } = await factory.resolve({ provider: 'groq' })
    expect(view.sources.apiKey.key).toBe('GROQ_API_KEY')
    const step = view.chains.apiKey.find((s) => s.status === 'skipped')
    expect(step).toMatchObject({
      value: 'secret:groq',
      reason: 'secret:groq is not in the .mindx/secrets.json',
    })
  })
})
