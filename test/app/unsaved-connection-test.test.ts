// providers:test with `unsaved`: tries what the form holds against the fakes, writes nothing, echoes no key.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import { DEFAULT_GROQ_KEY, startFakeGroq, type FakeGroq } from '../fakes/groq-server'
import { startFakeOllama, type FakeOllama } from '../fakes/ollama-server'
import { makeTempDir } from './helpers'

let groq: FakeGroq
let ollama: FakeOllama
let temp: Awaited<ReturnType<typeof makeTempDir>>
let counter = 0

beforeAll(async () => {
  ;[groq, ollama] = await Promise.all([startFakeGroq(), startFakeOllama({ models: ['phi3:mini'] })])
  temp = await makeTempDir()
})
beforeEach(() => {
  groq.reset()
  ollama.reset()
})
afterAll(async () => {
  await Promise.all([groq.close(), ollama.close()])
  await temp.cleanup()
})

const SAVED_WRONG_KEY = 'gsk_savedbutwrong00000000'
const TYPED_WRONG_KEY = 'gsk_typedandwrong11111111'

/** A workspace whose saved Groq key is wrong and whose Ollama sends one configured header. */
async function setup() {
  const workspace = join(temp.dir, `ws-${++counter}`)
  const factoryPath = join(workspace, 'data', 'config', 'llm_factory_config.json')
  const text = `${JSON.stringify(
    {
      groq_settings_for_factory: {
        base_url_override: groq.openaiUrl,
        api_key_override: SAVED_WRONG_KEY,
      },
      ollama_settings_for_factory: { base_url_override: ollama.url, headers: { 'X-Team': 'blue' } },
    },
    null,
    2,
  )}\n`
  await mkdir(join(workspace, 'data', 'config'), { recursive: true })
  await writeFile(factoryPath, text)
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const call = createDispatcher(createApiHandlers({ session, version: '1', transport: 'web' }))
  /** Every file of the workspace with its content, to show a test wrote nothing. */
  const snapshot = async () => {
    const files = await readdir(workspace, { recursive: true, withFileTypes: true })
    const entries = files.filter((entry) => entry.isFile())
    return Promise.all(
      entries.map(async (entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path, await readFile(path, 'utf8')] as const
      }),
    )
  }
  return { call, snapshot }
}

describe('Test connection of unsaved settings', () => {
  it('tries a typed key without saving it: wrong is auth, right connects, the files stay as they were', async () => {
    const { call, snapshot } = await setup()
    const before = await snapshot()

    const saved = await call('providers:test', { provider: 'groq' })
    const wrong = await call('providers:test', {
      provider: 'groq',
      unsaved: { apiKey: TYPED_WRONG_KEY },
    })
    const right = await call('providers:test', {
      provider: 'groq',
      unsaved: { apiKey: DEFAULT_GROQ_KEY },
    })

    expect(saved).toMatchObject({ ok: true, value: { ok: false, code: 'auth' } })
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, code: 'auth' } })
    expect(right).toMatchObject({ ok: true, value: { ok: true, provider: 'groq' } })
    const sent = groq.requests.map((request) => request.headers.authorization)
    expect(sent).toEqual([
      `Bearer ${SAVED_WRONG_KEY}`,
      `Bearer ${TYPED_WRONG_KEY}`,
      `Bearer ${DEFAULT_GROQ_KEY}`,
    ])
    expect(await snapshot()).toEqual(before)
    for (const answer of [wrong, right]) {
      expect(JSON.stringify(answer)).not.toContain(TYPED_WRONG_KEY)
      expect(JSON.stringify(answer)).not.toContain(DEFAULT_GROQ_KEY)
    }
    // The saved settings are what later calls use: still the saved (wrong) key.
    expect(await call('providers:test', { provider: 'groq' })).toMatchObject({
      value: { ok: false, code: 'auth' },
    })
  })

  it('masks a typed key that a server quotes back in its error, whatever its shape', async () => {
    const { call } = await setup()
    const typed = 'lab-token-quoted-4242'
    groq.fail({ status: 401, body: { error: { message: `Invalid API Key: ${typed}` } } })
    const result = await call('providers:test', { provider: 'groq', unsaved: { apiKey: typed } })

    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'auth' } })
    expect(JSON.stringify(result)).not.toContain(typed)
    expect(JSON.stringify(result)).toContain('Invalid API Key: lab-…4242')
  })

  it('tries a typed base URL and model, and reports the typed model', async () => {
    const { call } = await setup()
    const result = await call('providers:test', {
      provider: 'ollama',
      unsaved: { baseUrl: `${ollama.url}/`, model: 'phi3:mini' },
    })

    expect(result).toMatchObject({
      ok: true,
      value: { ok: true, model: 'phi3:mini', modelListed: true },
    })
  })

  it('sends typed headers over the configured ones and leaves out the ones marked for removal', async () => {
    const { call } = await setup()
    await call('providers:test', { provider: 'ollama', unsaved: { headers: { 'X-Extra': 'yes' } } })
    await call('providers:test', { provider: 'ollama', unsaved: { removeHeaders: ['x-team'] } })

    const [added, removed] = ollama.requestsTo('/api/tags')
    expect(added?.headers).toMatchObject({ 'x-team': 'blue', 'x-extra': 'yes' })
    expect(removed?.headers).not.toHaveProperty('x-team')
  })

  it('refuses unsaved values that could not be sent as typed, before any request', async () => {
    const { call } = await setup()
    const refused = [
      { headers: { 'X-Evil': 'a\r\nInjected: 1' } },
      { headers: { 'Bad Name': 'x' } },
      { baseUrl: 'http://user:pass@127.0.0.1:1' },
      { baseUrl: 'file:///etc/passwd' },
      { apiKey: '' },
      { save: true },
    ]
    for (const unsaved of refused) {
      const result = await call('providers:test', { provider: 'ollama', unsaved })
      expect(result, JSON.stringify(unsaved)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect(ollama.requests).toHaveLength(0)
  })
})
