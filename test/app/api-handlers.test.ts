// The implementation table over a real factory and the fake Ollama: resolve, status, workspace switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import type { FakeOllama } from '../fakes/ollama-server'
import { startFakeOllama } from '../fakes/ollama-server'
import { makeTempDir, writeWorkspace } from './helpers'

let ollama: FakeOllama
let temp: Awaited<ReturnType<typeof makeTempDir>>

beforeAll(async () => {
  ollama = await startFakeOllama({ version: '0.9.1' })
  temp = await makeTempDir()
})
afterAll(async () => {
  await ollama.close()
  await temp.cleanup()
})

async function handlersFor(factoryConfig: Record<string, unknown>, name: string) {
  const workspace = `${temp.dir}/${name}`
  await writeWorkspace(workspace, factoryConfig)
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  return { session, handlers: createApiHandlers({ session, version: '9.9.9', transport: 'web' }) }
}

describe('api handlers', () => {
  it('app:info reports the open workspace, version and transport', async () => {
    const { handlers, session } = await handlersFor({}, 'info')
    await expect(handlers['app:info']({})).resolves.toEqual({
      workspace: session.current.workspace,
      version: '9.9.9',
      transport: 'web',
    })
  })

  it('factory:resolve returns the key-free view', async () => {
    const { handlers } = await handlersFor(
      {
        default_provider_preference_order: ['groq'],
        groq_settings_for_factory: {
          default_model_override: 'llama-3.3-70b-versatile',
          api_key_override: 'gsk_supersecretvalue1234',
        },
      },
      'resolve',
    )
    const view = await handlers['factory:resolve']({})
    expect(view).toMatchObject({ provider: 'groq', model: 'llama-3.3-70b-versatile' })
    expect(JSON.stringify(view)).not.toContain('supersecret')
  })

  it("ollama:status asks the workspace's Ollama for its version", async () => {
    const { handlers } = await handlersFor(
      { ollama_settings_for_factory: { base_url_override: ollama.url } },
      'ollama-up',
    )
    await expect(handlers['ollama:status']({})).resolves.toEqual({
      reachable: true,
      baseUrl: ollama.url,
      version: '0.9.1',
    })
  })

  it('ollama:status says what to do when Ollama does not answer', async () => {
    const { handlers } = await handlersFor(
      { ollama_settings_for_factory: { base_url_override: 'http://127.0.0.1:9' } },
      'ollama-down',
    )
    const status = await handlers['ollama:status']({})
    expect(status.reachable).toBe(false)
    expect(status.message).toContain('is `ollama serve` running?')
  })

  it('a broken factory json comes back as config_invalid with file:line:col', async () => {
    const { session } = await handlersFor({}, 'broken')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${session.current.workspace}/data/config/llm_factory_config.json`, '{ "a": ')
    session.open(session.current.workspace)
    const dispatch = createDispatcher(
      createApiHandlers({ session, version: '1', transport: 'web' }),
    )
    const result = await dispatch('factory:resolve', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    if (!result.ok) expect(result.error.message).toMatch(/llm_factory_config\.json:\d+:\d+/)
  })

  it('switching workspace points later calls at the new folder', async () => {
    const { handlers, session } = await handlersFor({}, 'first')
    session.open(`${temp.dir}/second`)
    await expect(handlers['app:info']({})).resolves.toMatchObject({
      workspace: `${temp.dir}/second`,
    })
  })
})
