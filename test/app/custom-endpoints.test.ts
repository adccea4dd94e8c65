// providers:addCustom / removeCustom / registry over real workspace files: keys and header values only in the SecretStore.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import { startFakeOllama } from '../fakes/ollama-server'
import type { FakeOllama } from '../fakes/ollama-server'
import { startFakeOpenAi } from '../fakes/openai-server'
import type { FakeOpenAi } from '../fakes/openai-server'
import { makeTempDir, writeWorkspace } from './helpers'

const LAB_KEY = 'sk-lab-fixture-000000001234'
let ollama: FakeOllama
let openai: FakeOpenAi
let temp: Awaited<ReturnType<typeof makeTempDir>>
let counter = 0

beforeAll(async () => {
  ollama = await startFakeOllama({ models: ['qwen3:0.6b'] })
  openai = await startFakeOpenAi({ apiKey: LAB_KEY, models: ['Qwen/Qwen3-1.7B'] })
  temp = await makeTempDir()
})
afterAll(async () => {
  await Promise.all([ollama.close(), openai.close()])
  await temp.cleanup()
})

async function setup() {
  const workspace = join(temp.dir, `ws-${++counter}`)
  await writeWorkspace(workspace, { default_provider_preference_order: ['ollama'] })
  const secrets = new FileSecretStore(workspace)
  const session = createWorkspaceSession({ workspace, env: {}, createSecrets: () => secrets })
  const handlers = createApiHandlers({ session, version: '1', transport: 'web' })
  const factory = () => session.current.factory
  const factoryPath = join(workspace, 'data', 'config', 'llm_factory_config.json')
  const json = async () =>
    JSON.parse(await readFile(factoryPath, 'utf8')) as Record<string, unknown>
  return { handlers, call: createDispatcher(handlers), secrets, json, factory }
}

describe('custom endpoints through the API', () => {
  it('adds an OpenAI-compatible endpoint: json gets secret: refs, the store gets the values', async () => {
    const { handlers, secrets, json } = await setup()
    const overview = await handlers['providers:addCustom']({
      name: 'lab-gpu',
      protocol: 'openai-compatible',
      displayName: 'Lab GPU box',
      baseUrl: 'http://10.0.0.7:8000/v1',
      apiKey: LAB_KEY,
      headers: { 'X-Team': 'team-fixture-token' },
      defaultModel: 'Qwen/Qwen3-1.7B',
    })
    expect((await json()).custom_providers).toEqual({
      'lab-gpu': {
        display_name: 'Lab GPU box',
        protocol: 'openai-compatible',
        base_url: 'http://10.0.0.7:8000/v1',
        api_key: 'secret:lab-gpu',
        headers: { 'X-Team': 'secret:lab-gpu-header-x-team' },
        default_model: 'Qwen/Qwen3-1.7B',
      },
    })
    expect(await secrets.readAll()).toEqual({
      'lab-gpu': LAB_KEY,
      'lab-gpu-header-x-team': 'team-fixture-token',
    })
    const card = overview.providers.find((c) => c.provider === 'lab-gpu')
    expect(card).toMatchObject({
      displayName: 'Lab GPU box',
      origin: 'custom',
      protocol: 'openai-compatible',
      status: 'configured',
      view: { baseUrl: 'http://10.0.0.7:8000/v1', apiKey: 'sk-…1234', model: 'Qwen/Qwen3-1.7B' },
      defaultHeaders: [{ name: 'X-Team', value: 'secret:lab-gpu-header-x-team' }],
    })
    expect(JSON.stringify(overview)).not.toContain('fixture-token')
    const registry = await handlers['providers:registry']({})
    expect(registry.at(-1)).toMatchObject({ name: 'lab-gpu', origin: 'custom' })
  })

  it('is then a provider like any other: Test connection, model list, chat with key and headers', async () => {
    const { handlers, factory } = await setup()
    await handlers['providers:addCustom']({
      name: 'lab-gpu',
      protocol: 'openai-compatible',
      baseUrl: openai.url, // without /v1: the client accepts both forms
      apiKey: LAB_KEY,
      headers: { 'X-Team': 'team-fixture-token' },
      defaultModel: 'Qwen/Qwen3-1.7B',
    })
    expect(await handlers['providers:test']({ provider: 'lab-gpu' })).toMatchObject({
      ok: true,
      modelListed: true,
    })
    const models = await handlers['chat:models']({ provider: 'lab-gpu' })
    expect(models.models.map((m) => m.name)).toContain('Qwen/Qwen3-1.7B')
    const handler = await factory().createLlmHandler({ provider: 'lab-gpu' })
    expect(await handler.generateText('hello lab')).toContain('hello lab')
    const chat = openai.requestsTo('/v1/chat/completions').at(-1)
    expect(chat?.headers.authorization).toBe(`Bearer ${LAB_KEY}`)
    expect(chat?.headers['x-team']).toBe('team-fixture-token')
  })

  it('an Ollama-protocol endpoint works the same way: test and model list', async () => {
    const { handlers } = await setup()
    await handlers['providers:addCustom']({
      name: 'remote-ollama',
      protocol: 'ollama',
      baseUrl: ollama.url,
      headers: { Authorization: 'Bearer fixture-remote-token' },
      defaultModel: 'qwen3:0.6b',
    })
    const test = await handlers['providers:test']({ provider: 'remote-ollama' })
    expect(test).toMatchObject({ ok: true, modelListed: true })
    expect(ollama.requestsTo('/api/tags').at(-1)?.headers.authorization).toBe(
      'Bearer fixture-remote-token',
    )
    const models = await handlers['chat:models']({ provider: 'remote-ollama' })
    expect(models.models.map((m) => m.name)).toContain('qwen3:0.6b')
  })

  it('refuses built-in names and removes an endpoint with the secrets it stored', async () => {
    const { call, handlers, secrets, json } = await setup()
    expect(await call('providers:addCustom', { name: 'groq', baseUrl: 'http://x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    await secrets.set('shared-token', 'kept')
    // Through the dispatcher: the protocol defaults to openai-compatible.
    const added = await call('providers:addCustom', {
      name: 'gw',
      baseUrl: 'https://gw.example.com/v1',
      apiKey: 'sk-gw-fixture-00005678',
      headers: { 'X-Shared': 'secret:shared-token' },
    })
    expect(added.ok).toBe(true)
    // Replacing without a key keeps the stored one.
    await call('providers:addCustom', { name: 'gw', baseUrl: 'https://gw2.example.com/v1' })
    expect((await json()).custom_providers).toMatchObject({
      gw: {
        protocol: 'openai-compatible',
        base_url: 'https://gw2.example.com/v1',
        api_key: 'secret:gw',
        headers: { 'X-Shared': 'secret:shared-token' },
      },
    })
    const overview = await handlers['providers:removeCustom']({ name: 'gw' })
    expect(overview.providers.some((c) => c.provider === 'gw')).toBe(false)
    expect((await json()).custom_providers).toEqual({})
    expect(await secrets.readAll()).toEqual({ 'shared-token': 'kept' })
    expect(await call('providers:removeCustom', { name: 'gw' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('stores header values typed on a provider card in the SecretStore, not the json', async () => {
    const { call, handlers, secrets, json } = await setup()
    const updated = await call('providers:update', {
      provider: 'ollama',
      headers: { Authorization: 'Bearer fixture-host-token' },
    })
    expect(updated.ok).toBe(true)
    expect(JSON.stringify(await json())).not.toContain('fixture-host-token')
    expect(await secrets.get('ollama-header-authorization')).toBe('Bearer fixture-host-token')
    const resolved = await handlers['factory:resolve']({ provider: 'ollama' })
    expect(resolved.provider).toBe('ollama')
  })
})
