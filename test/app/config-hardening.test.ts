// Config paths stay in the workspace, stale saves are conflicts, credentials never ride in base URLs.
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import type { ConfigDocument } from '../../src/shared/studio-config'
import { makeTempDir } from './helpers'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let counter = 0
beforeAll(async () => {
  temp = await makeTempDir()
})
afterAll(() => temp.cleanup())

const STORED_KEY = 'gsk_storedinthesecretsfile1234'
const FACTORY = { default_provider_preference_order: ['mock'], rate_limits: { groq: { rpm: 30 } } }

async function setup(factory: Record<string, unknown> = FACTORY) {
  const workspace = join(temp.dir, `ws-${++counter}`)
  const factoryPath = join(workspace, 'data', 'config', 'llm_factory_config.json')
  await mkdir(join(workspace, 'data', 'config'), { recursive: true })
  await writeFile(factoryPath, JSON.stringify(factory, null, 2) + '\n')
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const handlers = createApiHandlers({ session, version: '1', transport: 'web' })
  const call = createDispatcher(handlers)
  const read = async () => (await call('config:read', {})) as { ok: true; value: ConfigDocument }
  return { workspace, factoryPath, session, handlers, call, read }
}

/** The factory json as an older version (or a hand edit) may have left it. */
function withFactoryPath(path: string): string {
  return JSON.stringify({ ...FACTORY, llm: { factory_config_path: path } }, null, 2) + '\n'
}

describe('path confinement', () => {
  it('a factory_config_path into .mindx/secrets.json never lets config:read return keys', async () => {
    const { call, read, factoryPath } = await setup()
    await call('providers:update', { provider: 'groq', apiKey: STORED_KEY })
    const { value: doc } = await read()
    // Saving such a value through the app is refused, nothing written...
    const before = await readFile(factoryPath, 'utf8')
    const saved = await call('config:save', {
      text: withFactoryPath('.mindx/secrets.json'),
      baseRevision: doc.revision,
    })
    expect(saved).toMatchObject({ ok: false, error: { code: 'path_outside_workspace' } })
    expect(JSON.stringify(saved)).toContain('.mindx/secrets.json')
    expect(await readFile(factoryPath, 'utf8')).toBe(before)
    // ...and one already on disk is refused by every reader, with no key in any answer.
    await writeFile(factoryPath, withFactoryPath('.mindx/secrets.json'))
    for (const channel of ['config:read', 'config:sources', 'factory:resolve'] as const) {
      const result = await call(channel, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'path_outside_workspace' } })
      expect(JSON.stringify(result)).not.toContain('gsk_stored')
    }
  })

  it('a factory_config_path outside the workspace is never overwritten by a save', async () => {
    const { call, read, factoryPath } = await setup()
    const outside = join(temp.dir, `outside-${counter}.json`)
    await writeFile(outside, 'precious, not json\n')
    const { value: doc } = await read()
    await writeFile(factoryPath, withFactoryPath(outside))
    const attempts = [
      await call('config:save', { text: '{}\n', baseRevision: doc.revision }),
      await call('providers:update', { provider: 'mock', model: 'x' }),
      await call('catalog:makeDefault', { ollamaName: 'phi3:mini' }),
    ]
    for (const result of attempts) {
      expect(result).toMatchObject({ ok: false, error: { code: 'path_outside_workspace' } })
      expect(JSON.stringify(result)).toContain(outside)
    }
    expect(await readFile(outside, 'utf8')).toBe('precious, not json\n')
  })

  it('config:openInEditor refuses a listed file linked into .mindx/', async () => {
    const { call, workspace } = await setup()
    await call('providers:update', { provider: 'groq', apiKey: STORED_KEY })
    const { symlink } = await import('node:fs/promises')
    const link = join(workspace, 'mindx_config.json')
    await symlink(join(workspace, '.mindx', 'secrets.json'), link)
    const sources = await call('config:sources', {})
    expect(JSON.stringify(sources)).not.toContain('gsk_stored')
    expect(await call('config:openInEditor', { path: link })).toMatchObject({
      ok: false,
      error: { code: 'path_outside_workspace' },
    })
    // Writing provider settings to that global file is refused before anything is stored.
    const update = await call('providers:update', {
      provider: 'groq',
      layer: 'global-config',
      model: 'x',
    })
    expect(update).toMatchObject({ ok: false, error: { code: 'path_outside_workspace' } })
  })
})

describe('no silent lost update', () => {
  it('a save based on a revision that changed on disk is a conflict and writes nothing', async () => {
    const { call, read, factoryPath } = await setup()
    const { value: doc } = await read()
    const theirs = (await readFile(factoryPath, 'utf8')).replace('"rpm": 30', '"rpm": 99')
    await writeFile(factoryPath, theirs)
    const mine = doc.text.replace('"rpm": 30', '"rpm": 31')
    const stale = await call('config:save', { text: mine, baseRevision: doc.revision })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(JSON.stringify(stale)).toMatch(/changed on disk.*Keep yours, take theirs/)
    expect(await readFile(factoryPath, 'utf8')).toBe(theirs)
    // Based on the current revision ("keep mine" after seeing theirs), the save goes through.
    const { value: current } = await read()
    const saved = await call('config:save', { text: mine, baseRevision: current.revision })
    expect(saved).toMatchObject({ ok: true })
    expect(await readFile(factoryPath, 'utf8')).toContain('"rpm": 31')
  })

  it('a change made through another screen makes the editor revision stale', async () => {
    const { call, read } = await setup()
    const { value: doc } = await read()
    await call('providers:setOrder', { order: ['groq'] })
    const result = await call('config:save', { text: doc.text, baseRevision: doc.revision })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })
})

describe('credentials in base URLs', () => {
  it.each([
    ['user:pass@', 'https://me:hunter2pass@api.example.com/v1'],
    ['?key=', 'https://api.example.com/v1?key=AIzaSecretSecret123'],
    ['token=', 'https://api.example.com/v1?alt=sse&token=tok_secret_1234'],
  ])('providers:update refuses a base URL with %s, pointing at the key field', async (_, url) => {
    const { call, factoryPath } = await setup()
    const before = await readFile(factoryPath, 'utf8')
    const result = await call('providers:update', { provider: 'groq', baseUrl: url })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(result)).toContain('enter the key in the API key field')
    expect(JSON.stringify(result)).not.toMatch(/hunter2pass|AIzaSecret|tok_secret/)
    expect(await readFile(factoryPath, 'utf8')).toBe(before)
  })

  it('config:save refuses one at its line:col', async () => {
    const { call, read } = await setup()
    const { value: doc } = await read()
    const text =
      '{\n  "groq_settings_for_factory": {\n    "base_url_override": "https://x.example/v1?api_key=abc123"\n  }\n}\n'
    const result = await call('config:save', { text, baseRevision: doc.revision })
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    expect(JSON.stringify(result)).toMatch(
      /:3:26: groq_settings_for_factory.base_url_override: .*API key field/,
    )
  })

  it('an existing one is redacted in resolve, the connection test and the config editor', async () => {
    const url = 'http://me:hunter2pass@127.0.0.1:9/v1?key=AIzaSecretSecret123'
    const { call } = await setup({ ollama_settings_for_factory: { base_url_override: url } })
    const resolved = await call('factory:resolve', { provider: 'ollama' })
    expect(resolved).toMatchObject({
      ok: true,
      value: { baseUrl: 'http://me:…@127.0.0.1:9/v1?key=…' },
    })
    const tested = await call('providers:test', { provider: 'ollama' })
    expect(tested).toMatchObject({ ok: true, value: { ok: false } })
    const read = await call('config:read', {})
    for (const shown of [resolved, tested, read]) {
      expect(JSON.stringify(shown)).not.toMatch(/hunter2pass|AIzaSecret/)
    }
  })
})

describe('temp files of a killed save', () => {
  it('are removed when the workspace opens; other files stay', async () => {
    const { workspace } = await setup()
    const stale = [
      join(workspace, 'data', 'config', '.llm_factory_config.json.0123456789ab.tmp'),
      join(workspace, '.mindx', '.secrets.json.a1b2c3d4e5f6.tmp'),
      join(workspace, '.mindx', 'conversations', '.c-1.json.ffffffffffff.tmp'),
    ]
    const kept = join(workspace, 'data', 'config', 'notes.tmp')
    await mkdir(join(workspace, '.mindx', 'conversations'), { recursive: true })
    const longAgo = new Date('2020-01-01T00:00:00Z')
    for (const path of [...stale, kept]) {
      await writeFile(path, '{"half": ')
      await utimes(path, longAgo, longAgo)
    }
    const session = createWorkspaceSession({
      workspace,
      env: {},
      createSecrets: (dir) => new FileSecretStore(dir),
    })
    expect((await session.current.tempCleanup).sort()).toEqual([...stale].sort())
    for (const path of stale) await expect(stat(path)).rejects.toThrow(/ENOENT/)
    expect((await stat(kept)).isFile()).toBe(true)
  })
})
