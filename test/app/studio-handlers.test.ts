// config:*, providers:*, catalog:* over real workspace files and the fake Groq/Ollama servers.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import type { EventPayload } from '../../src/shared/contract'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../fakes/groq-server'
import type { FakeGroq } from '../fakes/groq-server'
import { startFakeOllama } from '../fakes/ollama-server'
import type { FakeOllama } from '../fakes/ollama-server'
import { makeTempDir } from './helpers'

let groq: FakeGroq
let ollama: FakeOllama
let temp: Awaited<ReturnType<typeof makeTempDir>>
let counter = 0

beforeAll(async () => {
  ;[groq, ollama] = await Promise.all([
    startFakeGroq(),
    startFakeOllama({ models: ['qwen2.5-coder:1.5b-instruct-q4_K_M'] }),
  ])
  temp = await makeTempDir()
})
afterAll(async () => {
  await Promise.all([groq.close(), ollama.close()])
  await temp.cleanup()
})

const PLAIN_KEY = 'gsk_plainkeyinthejson0000'

async function setup(extra: Record<string, unknown> = {}) {
  const workspace = join(temp.dir, `ws-${++counter}`)
  const factoryPath = join(workspace, 'data', 'config', 'llm_factory_config.json')
  const text =
    JSON.stringify(
      {
        default_provider_preference_order: ['groq', 'ollama'],
        rate_limits: { groq: { rpm: 30 } },
        groq_settings_for_factory: {
          base_url_override: groq.openaiUrl,
          api_key_override: PLAIN_KEY,
        },
        ollama_settings_for_factory: { base_url_override: ollama.url },
        ...extra,
      },
      null,
      2,
    ) + '\n'
  const { mkdir } = await import('node:fs/promises')
  await mkdir(join(workspace, 'data', 'config'), { recursive: true })
  await writeFile(factoryPath, text)
  const events = createEventBus()
  const received: EventPayload<'config:changed'>[] = []
  events.subscribe((name, payload) => {
    if (name === 'config:changed') received.push(payload as EventPayload<'config:changed'>)
  })
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const handlers = createApiHandlers({ session, version: '1', transport: 'web', events })
  const call = createDispatcher(handlers)
  return { workspace, factoryPath, text, handlers, call, received }
}

describe('config handlers', () => {
  it('config:read masks plain keys; saving the masked text keeps the real key on disk', async () => {
    const { handlers, factoryPath } = await setup()
    const doc = await handlers['config:read']({})
    expect(doc.exists).toBe(true)
    expect(doc.text).not.toContain(PLAIN_KEY)
    expect(doc.text).toContain('"gsk_…0000"')
    const edited = doc.text.replace('"rpm": 30', '"rpm": 31')
    const saved = await handlers['config:save']({ text: edited })
    expect(saved.text).not.toContain(PLAIN_KEY)
    const disk = await readFile(factoryPath, 'utf8')
    expect(disk).toContain(PLAIN_KEY)
    expect(disk).toContain('"rpm": 31')
    expect(await readFile(`${factoryPath}.bak`, 'utf8')).toContain('"rpm": 30')
  })

  it('an invalid save is refused with line:col and the file is unchanged', async () => {
    const { call, factoryPath, text } = await setup()
    const broken = text.replace('"groq",', '"groq",,')
    const result = await call('config:save', { text: broken })
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    expect(JSON.stringify(result)).toMatch(/:3:11: invalid JSON: trailing comma/)
    expect(await readFile(factoryPath, 'utf8')).toBe(text)
    const validation = await call('config:validate', { text: broken })
    expect(validation).toMatchObject({
      ok: true,
      value: { ok: false, issue: { line: 3, column: 11 } },
    })
  })

  it('a broken factory json still opens in the editor and can be fixed from there', async () => {
    const { call, factoryPath, text } = await setup()
    await writeFile(factoryPath, text.replace('"groq",', '"groq",,'))
    expect(await call('providers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'config_invalid' },
    })
    const read = await call('config:read', {})
    expect(read).toMatchObject({ ok: true, value: { exists: true } })
    expect(JSON.stringify(read)).not.toContain(PLAIN_KEY)
    expect(await call('config:sources', {})).toMatchObject({ ok: true })
    expect(await call('config:save', { text })).toMatchObject({ ok: true })
    expect(await call('providers:list', {})).toMatchObject({ ok: true })
  })

  it('config:applyEdit changes one value and keeps unknown keys and order', async () => {
    const { handlers, text } = await setup()
    const { text: next } = await handlers['config:applyEdit']({
      text,
      path: ['default_provider_preference_order'],
      value: ['ollama'],
    })
    expect(next.indexOf('rate_limits')).toBeGreaterThan(next.indexOf('default_provider'))
    expect(JSON.parse(next)).toMatchObject({ rate_limits: { groq: { rpm: 30 } } })
  })

  it('the watcher reports a change made by another editor', async () => {
    const { handlers, factoryPath, text, received } = await setup()
    await handlers['config:read']({})
    await writeFile(factoryPath, text.replace('"rpm": 30', '"rpm": 99'))
    await expect.poll(() => received.at(-1)?.text ?? '', { timeout: 5000 }).toContain('"rpm": 99')
    expect(received.at(-1)?.text).not.toContain(PLAIN_KEY)
  })

  it('config:openInEditor only accepts the workspace config files', async () => {
    const { call, factoryPath } = await setup()
    expect(await call('config:openInEditor', { path: factoryPath })).toEqual({
      ok: true,
      value: { opened: false, path: factoryPath },
    })
    expect(await call('config:openInEditor', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})

describe('providers handlers', () => {
  it('a key set in the UI goes to the secret store, the json gets a reference, nothing returns it', async () => {
    const { call, factoryPath, workspace } = await setup()
    const responses: unknown[] = []
    const update = await call('providers:update', { provider: 'groq', apiKey: DEFAULT_GROQ_KEY })
    responses.push(update)
    expect(update.ok).toBe(true)
    const disk = await readFile(factoryPath, 'utf8')
    expect(disk).toContain('"api_key_override": "secret:groq"')
    expect(disk).not.toContain(DEFAULT_GROQ_KEY)
    const secrets = await readFile(join(workspace, '.mindx', 'secrets.json'), 'utf8')
    expect(secrets).toContain(DEFAULT_GROQ_KEY)
    const test = await call('providers:test', { provider: 'groq' })
    responses.push(test, await call('providers:list', {}), await call('config:read', {}))
    expect(test).toMatchObject({ ok: true, value: { ok: true, provider: 'groq' } })
    for (const response of responses)
      expect(JSON.stringify(response)).not.toContain(DEFAULT_GROQ_KEY)
  })

  it('a wrong key makes the test report auth with a next step', async () => {
    const { call } = await setup()
    await call('providers:update', { provider: 'groq', apiKey: 'gsk_wrong_key_123456' })
    const test = await call('providers:test', { provider: 'groq' })
    expect(test).toMatchObject({ ok: true, value: { ok: false, code: 'auth' } })
    expect(JSON.stringify(test)).toMatch(/rejected/)
    expect(JSON.stringify(test)).not.toContain('gsk_wrong_key_123456')
  })

  it('writes the model to global config when asked; the card says where it came from', async () => {
    const { call, workspace } = await setup()
    const result = await call('providers:update', {
      provider: 'gemini',
      layer: 'global-config',
      model: 'gemini-2.5-pro',
    })
    expect(result.ok).toBe(true)
    const file = join(workspace, 'mindx_config.json')
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      llm: { gemini: { default_model: 'gemini-2.5-pro' } },
    })
    if (!result.ok) return
    const gemini = (
      result.value as {
        providers: { provider: string; view: { sources: { model: { origin: string } } } }[]
      }
    ).providers.find((p) => p.provider === 'gemini')
    expect(gemini?.view.sources.model.origin).toBe(file)
  })

  it('rejects bad input: a malformed or unknown provider, a non-http base URL', async () => {
    const { call } = await setup()
    expect(await call('providers:update', { provider: 'Not a name' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await call('providers:update', { provider: 'zerog' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/Unknown provider "zerog"/) },
    })
    expect(
      await call('providers:update', { provider: 'ollama', baseUrl: 'file:///etc' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('providers:setOrder keeps names without a handler', async () => {
    const { handlers, factoryPath } = await setup()
    const overview = await handlers['providers:setOrder']({ order: ['zerog', 'ollama', 'groq'] })
    expect(overview.preferenceOrder).toEqual(['zerog', 'ollama', 'groq'])
    expect(overview.defaultView.provider).toBe('ollama')
    expect(overview.defaultView.skipped).toEqual([
      { provider: 'zerog', reason: 'zerog: no handler in this app' },
    ])
    expect(await readFile(factoryPath, 'utf8')).toContain('rate_limits')
  })
})

describe('catalog handlers', () => {
  it('lists the merged catalog with installed models and the pick', async () => {
    const { handlers } = await setup()
    const overview = await handlers['catalog:list']({})
    expect(overview.installed.reachable).toBe(true)
    expect(overview.installed.names).toContain('qwen2.5-coder:1.5b-instruct-q4_K_M')
    expect(overview.catalog.pick?.reason).toMatch(/first coding preference/)
  })

  it('Make default writes default_model_override and changes the resolved Ollama model', async () => {
    const { handlers, factoryPath } = await setup()
    const overview = await handlers['catalog:makeDefault']({ ollamaName: 'gemma3:1b' })
    expect(overview.defaultModelOverride).toBe('gemma3:1b')
    expect(overview.ollamaView.model).toBe('gemma3:1b')
    expect(await readFile(factoryPath, 'utf8')).toContain('"default_model_override": "gemma3:1b"')
  })

  it('adds, renames and removes a json entry; a built-in entry cannot be removed', async () => {
    const { handlers, call } = await setup()
    const entry = { id: 'tiny', ollama_name: 'tiny:1b', type: 'general', est_memory_needed_gb: 1 }
    let overview = await handlers['catalog:saveEntry']({ tier: 'good_fit', entry })
    expect(overview.catalog.entries.find((e) => e.id === 'tiny')).toMatchObject({
      origin: 'config',
    })
    overview = await handlers['catalog:saveEntry']({
      tier: 'excellent_fit',
      entry: { ...entry, id: 'tiny2' },
      previousId: 'tiny',
    })
    expect(overview.catalog.entries.map((e) => e.id)).not.toContain('tiny')
    expect(overview.catalog.entries.find((e) => e.id === 'tiny2')?.tier).toBe('excellent_fit')
    overview = await handlers['catalog:removeEntry']({ id: 'tiny2' })
    expect(overview.catalog.entries.map((e) => e.id)).not.toContain('tiny2')
    const builtIn = overview.catalog.entries.find((e) => e.origin === 'default')
    expect(await call('catalog:removeEntry', { id: builtIn?.id ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
