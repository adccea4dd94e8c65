// The ollama:* handlers over the fake Ollama: zod inputs, one pull queue per host, events, saved hosts.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createOllamaAdminHandlers } from '../../src/main/api/ollama-handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import { cannedHandlers, makeTempDir, writeWorkspace } from './helpers'
import type { OllamaPull } from '../../src/shared/ollama'
import type { FakeOllama } from '../fakes/ollama-server'
import { startFakeOllama } from '../fakes/ollama-server'

let main: FakeOllama
let other: FakeOllama
let temp: Awaited<ReturnType<typeof makeTempDir>>

beforeAll(async () => {
  ;[main, other] = await Promise.all([
    startFakeOllama({
      running: ['phi3:mini'],
      registry: ['llama3.2:1b', 'qwen2.5:0.5b', 'gemma3:1b', 'mistral:7b'],
    }),
    startFakeOllama({ models: ['gemma3:1b'] }),
  ])
  temp = await makeTempDir()
})
afterEach(() => {
  main.reset()
  other.reset()
})
afterAll(async () => {
  await Promise.all([main.close(), other.close()])
  await temp.cleanup()
})

let counter = 0
async function setup(factoryConfig?: Record<string, unknown>) {
  const workspace = join(temp.dir, `ws-${++counter}`)
  await writeWorkspace(
    workspace,
    factoryConfig ?? { ollama_settings_for_factory: { base_url_override: main.url } },
  )
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const events = createEventBus()
  const seen: OllamaPull[] = []
  events.subscribe((name, payload) => {
    if (name === 'ollama:pullProgress') seen.push(payload as OllamaPull)
  })
  const handlers = createOllamaAdminHandlers({ session, events })
  const dispatch = createDispatcher(cannedHandlers(handlers))
  return { workspace, session, handlers, dispatch, seen }
}

/** Resolves once the host's pull reached a final state. */
async function settled(pulls: () => Promise<OllamaPull[]>, id: string): Promise<OllamaPull> {
  for (;;) {
    const pull = (await pulls()).find((p) => p.id === id)
    if (pull && !['queued', 'pulling'].includes(pull.state)) return pull
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('ollama:* inputs', () => {
  it('rejects non-http hosts, blank or spaced names and unknown keys before any request', async () => {
    const { dispatch } = await setup()
    for (const [channel, input] of [
      ['ollama:list', { host: 'file:///etc/passwd' }],
      ['ollama:pull', { name: '' }],
      ['ollama:pull', { name: 'llama 3' }],
      ['ollama:delete', { name: 'phi3:mini', force: true }],
      ['ollama:saveHosts', { hosts: [{ url: 'javascript:alert(1)' }] }],
    ] as const) {
      const result = await dispatch(channel, input)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(main.requests).toHaveLength(0)
  })

  it('normalizes a host with a trailing slash to the same server', async () => {
    const { dispatch } = await setup()
    const result = await dispatch('ollama:list', { host: `${main.url}/` })
    expect(result).toMatchObject({ ok: true })
  })
})

describe('ollama:* models', () => {
  it('lists, shows, lists running and unloads on the configured host by default', async () => {
    const { handlers } = await setup()
    const models = await handlers['ollama:list']({})
    expect(models.map((m) => m.name)).toEqual(['phi3:mini', 'llama3.2:1b'])
    expect(models[0]).toMatchObject({ parameterSize: '3.8B', quantization: 'Q4_K_M' })
    const details = await handlers['ollama:show']({ name: 'phi3:mini' })
    expect(details.modelfile).toContain('FROM phi3:mini')
    expect(details.license).toBe('MIT License')
    expect((await handlers['ollama:ps']({})).map((m) => m.name)).toEqual(['phi3:mini'])
    await expect(handlers['ollama:unload']({ name: 'phi3:mini' })).resolves.toEqual({
      unloaded: 'phi3:mini',
    })
    expect(await handlers['ollama:ps']({})).toEqual([])
  })

  it('talks to another host when asked, and deletes there only', async () => {
    const { handlers } = await setup()
    expect((await handlers['ollama:list']({ host: other.url })).map((m) => m.name)).toEqual([
      'gemma3:1b',
    ])
    await handlers['ollama:delete']({ host: other.url, name: 'gemma3:1b' })
    expect(other.state.installed).toEqual([])
    expect(main.state.installed).toHaveLength(2)
  })

  it('returns typed errors: model_not_found on delete, unreachable for a closed port', async () => {
    const { dispatch } = await setup()
    const missing = await dispatch('ollama:delete', { name: 'nope:1b' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'model_not_found' } })
    const down = await dispatch('ollama:list', { host: 'http://127.0.0.1:9' })
    expect(down).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    if (!down.ok) expect(down.error.message).toContain('ollama serve')
  })

  it('sends the configured headers to the configured host only', async () => {
    const { handlers } = await setup({
      ollama_settings_for_factory: {
        base_url_override: main.url,
        headers: { Authorization: 'Bearer secret-for-main' },
      },
    })
    await handlers['ollama:list']({})
    await handlers['ollama:list']({ host: other.url })
    expect(main.requestsTo('/api/tags')[0]?.headers.authorization).toBe('Bearer secret-for-main')
    expect(other.requestsTo('/api/tags')[0]?.headers.authorization).toBeUndefined()
  })
})

describe('ollama:status with a host', () => {
  it('probes the given host, without the headers configured for the default one', async () => {
    const { session } = await setup({
      ollama_settings_for_factory: {
        base_url_override: main.url,
        headers: { Authorization: 'Bearer secret-for-main' },
      },
    })
    const handlers = createApiHandlers({ session, version: '1', transport: 'web' })
    await expect(handlers['ollama:status']({ host: other.url })).resolves.toMatchObject({
      reachable: true,
      baseUrl: other.url,
    })
    expect(other.requestsTo('/api/version')[0]?.headers.authorization).toBeUndefined()
    const down = await handlers['ollama:status']({ host: 'http://127.0.0.1:9' })
    expect(down).toMatchObject({ reachable: false, baseUrl: 'http://127.0.0.1:9' })
  })
})

describe('ollama:* pulls', () => {
  it('runs at most 2 pulls per host, keeps hosts apart and pushes progress events', async () => {
    const { handlers, seen } = await setup()
    main.hold(2)
    const ids = await Promise.all(
      ['qwen2.5:0.5b', 'gemma3:1b', 'llama3.2:1b'].map(
        async (name) => (await handlers['ollama:pull']({ name })).id,
      ),
    )
    const onOther = await handlers['ollama:pull']({ host: other.url, name: 'qwen2.5:0.5b' })
    await main.waitForRequests('/api/pull', 2)
    const pulls = await handlers['ollama:pulls']({})
    expect(pulls.map((p) => p.state)).toEqual(['pulling', 'pulling', 'queued'])
    expect(pulls.every((p) => p.host === main.url)).toBe(true)
    expect((await handlers['ollama:pulls']({ host: other.url })).map((p) => p.id)).toEqual([
      onOther.id,
    ])
    main.release()
    for (const id of ids)
      expect(await settled(() => handlers['ollama:pulls']({}), id)).toMatchObject({
        state: 'done',
      })
    expect(main.state.peakPullsInFlight).toBe(2)
    expect(main.state.installed.map((m) => m.name)).toContain('qwen2.5:0.5b')
    const progress = seen.filter((p) => p.id === ids[0] && p.host === main.url)
    expect(progress.some((p) => p.completed > 0 && p.total > 0)).toBe(true)
    expect(progress.at(-1)?.state).toBe('done')
    const left = await handlers['ollama:clearPulls']({})
    expect(left).toEqual([])
  })

  it('cancel aborts the HTTP request (the server sees the connection close)', async () => {
    const { handlers } = await setup()
    main.hold(3)
    const { id } = await handlers['ollama:pull']({ name: 'mistral:7b' })
    const [request] = await main.waitForRequests('/api/pull', 1)
    await expect(handlers['ollama:cancelPull']({ id })).resolves.toEqual({ cancelled: true })
    await request!.settled
    expect(request!.closedEarly).toBe(true)
    expect(await settled(() => handlers['ollama:pulls']({}), id)).toMatchObject({
      state: 'cancelled',
    })
    await expect(handlers['ollama:cancelPull']({ id })).resolves.toEqual({ cancelled: false })
    expect(main.state.installed.map((m) => m.name)).not.toContain('mistral:7b')
  })

  it('an unknown name ends in error with model_not_found and a next step', async () => {
    const { handlers } = await setup()
    const { id } = await handlers['ollama:pull']({ name: 'no-such-model:7b' })
    const pull = await settled(() => handlers['ollama:pulls']({}), id)
    expect(pull.state).toBe('error')
    expect(pull.error?.code).toBe('model_not_found')
    expect(pull.error?.message).toContain('ollama.com/library')
  })
})

describe('Ollama fallback_url', () => {
  it('the status says the fallback answers when the configured URL is down', async () => {
    const { session } = await setup({
      llm: { ollama: { base_url: 'http://127.0.0.1:9', fallback_url: other.url } },
    })
    const handlers = createApiHandlers({ session, version: '1', transport: 'web' })
    await expect(handlers['ollama:status']({})).resolves.toMatchObject({
      reachable: true,
      baseUrl: other.url,
      viaFallback: { configured: 'http://127.0.0.1:9' },
    })
  })

  it('Local models can pick it: ollama:hosts lists it with its origin', async () => {
    const { handlers } = await setup({
      llm: { ollama: { base_url: main.url, fallback_url: other.url } },
    })
    const hosts = await handlers['ollama:hosts']({})
    expect(hosts.fallback?.url).toBe(other.url)
    expect(hosts.fallback?.origin).toContain('llm_factory_config.json')
  })
})

describe('ollama:hosts', () => {
  it('starts with the configured host selected and nothing saved', async () => {
    const { handlers } = await setup()
    const hosts = await handlers['ollama:hosts']({})
    expect(hosts).toMatchObject({ configured: main.url, saved: [], selected: main.url })
    expect(hosts.configuredOrigin).toContain('llm_factory_config.json')
  })

  it('saves hosts atomically in .mindx/ollama-hosts.json (no temp file left) and reads them back', async () => {
    const { handlers, dispatch, workspace } = await setup()
    const result = await dispatch('ollama:saveHosts', {
      hosts: [
        { url: `${other.url}/`, label: 'GPU box' },
        { url: other.url, label: 'GPU box (renamed)' },
      ],
      selected: `${other.url}/`,
    })
    if (!result.ok) throw new Error(result.error.message)
    const saved = result.value
    expect(saved).toMatchObject({
      saved: [{ url: other.url, label: 'GPU box (renamed)' }],
      selected: other.url,
    })
    const file = JSON.parse(
      await readFile(join(workspace, '.mindx', 'ollama-hosts.json'), 'utf8'),
    ) as unknown
    expect(file).toEqual({
      hosts: [{ url: other.url, label: 'GPU box (renamed)' }],
      selected: other.url,
    })
    expect(await readdir(join(workspace, '.mindx'))).toEqual(['.gitignore', 'ollama-hosts.json'])
    expect(await handlers['ollama:hosts']({})).toEqual(saved)
  })

  it('falls back to the configured host when the selected one is no longer saved', async () => {
    const { handlers } = await setup()
    await handlers['ollama:saveHosts']({ hosts: [{ url: other.url }], selected: other.url })
    const after = await handlers['ollama:saveHosts']({ hosts: [], selected: other.url })
    expect(after.selected).toBe(main.url)
  })

  it('a broken hosts file is config_invalid naming the file', async () => {
    const { workspace, dispatch } = await setup()
    await mkdir(join(workspace, '.mindx'), { recursive: true })
    await writeFile(join(workspace, '.mindx', 'ollama-hosts.json'), '{ "hosts": [')
    const result = await dispatch('ollama:hosts', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    if (!result.ok) expect(result.error.message).toContain('ollama-hosts.json')
  })
})

describe('ollama:pullSuggestions', () => {
  it('offers the Cloud Run catalog names', async () => {
    const { handlers } = await setup()
    const suggestions = await handlers['ollama:pullSuggestions']({})
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), estMemoryGb: expect.any(Number) }),
    )
  })
})
