// The deploy:* handlers over a fake gcloud: prepare, write (refused with reasons), start with streamed log and
// the provider written, failures in words, cancel, an existing service URL added.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeployHandlers } from '../../src/main/api/deploy-handlers'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import { createStudioContext } from '../../src/main/api/studio-context'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import type { DeployFinishedEvent } from '../../src/shared/deploy'
import type { FakeGcloud } from '../fakes/fake-gcloud'
import { startFakeGcloud } from '../fakes/fake-gcloud'
import { cannedHandlers, makeTempDir, writeWorkspace } from './helpers'

let gcloud: FakeGcloud
let temp: Awaited<ReturnType<typeof makeTempDir>>
beforeAll(async () => {
  gcloud = await startFakeGcloud()
  temp = await makeTempDir()
})
afterAll(async () => {
  await Promise.all([gcloud.close(), temp.cleanup()])
})

let counter = 0
async function setup(env: Record<string, string | undefined> = gcloud.env) {
  const workspace = join(temp.dir, `ws-${++counter}`)
  await writeWorkspace(workspace, { default_provider_preference_order: ['ollama'] })
  const session = createWorkspaceSession({
    workspace,
    env,
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const events = createEventBus()
  const log: string[] = []
  let logStarted = () => {}
  const firstLine = new Promise<void>((resolve) => (logStarted = resolve))
  const finished = new Promise<DeployFinishedEvent>((resolve) =>
    events.subscribe((name, payload) => {
      if (name === 'deploy:log') {
        log.push((payload as { line: string }).line)
        logStarted()
      }
      if (name === 'deploy:finished') resolve(payload as DeployFinishedEvent)
    }),
  )
  const handlers = createDeployHandlers({ context: createStudioContext(session), events })
  const dispatch = createDispatcher(cannedHandlers(handlers))
  const factoryJson = () =>
    readFile(join(workspace, 'data/config/llm_factory_config.json'), 'utf8').then(
      (text) => JSON.parse(text) as Record<string, unknown>,
    )
  return { workspace, handlers, dispatch, log, firstLine, finished, factoryJson }
}

const place = { project: 'my-project', region: 'us-central1' }

describe('deploy handlers', () => {
  it('prepare gives defaults from the catalog entry and says whether gcloud is there', async () => {
    const { handlers } = await setup()
    const prepared = await handlers['deploy:prepare']({ modelId: 'phi3_py' })
    expect(prepared.spec).toMatchObject({ service: 'ollama-phi3-mini', gpu: 'l4', cpu: 4 })
    expect(prepared.gcloudFound).toBe(true)
    const without = await setup({ PATH: '/nonexistent' })
    const missing = await without.handlers['deploy:prepare']({ modelId: 'phi3_py' })
    expect(missing.gcloudFound).toBe(false)
    expect(missing.installHint).toContain('https://cloud.google.com/sdk/docs/install')
  })

  it('write refuses an invalid combination with the reason, as invalid_input', async () => {
    const { handlers, dispatch } = await setup()
    const { spec } = await handlers['deploy:prepare']({ modelId: 'phi3_py' })
    const result = await dispatch('deploy:write', { spec: { ...spec, ...place, cpu: 2 } })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'cpu: NVIDIA L4 needs at least 4 CPU (you chose 2).',
      },
    })
    const written = await handlers['deploy:write']({ spec: { ...spec, ...place } })
    expect(written.dir).toBe('deploy/cloud-run/ollama-phi3-mini')
    expect(written.files.map((f) => f.path.split('/').at(-1))).toEqual([
      'Dockerfile',
      'deploy.sh',
      'README.md',
    ])
    expect(written.command).toMatch(/^gcloud run deploy ollama-phi3-mini --project my-project/)
  })

  it('start streams the log, finishes with the URL and adds the provider', async () => {
    const { handlers, log, finished, factoryJson } = await setup()
    const { spec } = await handlers['deploy:prepare']({ modelId: 'phi3_py' })
    await handlers['deploy:start']({ spec: { ...spec, ...place }, runId: 'run-1' })
    const url = 'https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app'
    expect(await finished).toEqual({ runId: 'run-1', ok: true, url, provider: 'ollama-phi3-mini' })
    expect(log).toContain('  Building Container...')
    expect(await factoryJson()).toMatchObject({
      custom_providers: {
        'ollama-phi3-mini': { protocol: 'ollama', base_url: url, auth: 'gcloud-identity-token' },
      },
    })
  })

  it('a failed deploy finishes with the failure in words and adds nothing', async () => {
    const { handlers, finished, factoryJson } = await setup()
    await gcloud.configure({ fail: 'no-gpu-quota' })
    const { spec } = await handlers['deploy:prepare']({ modelId: 'phi3_py' })
    await handlers['deploy:start']({ spec: { ...spec, ...place }, runId: 'run-2' })
    const event = await finished
    await gcloud.configure({})
    expect(event).toMatchObject({ ok: false, failure: { kind: 'no_gpu_quota' } })
    expect(await factoryJson()).not.toHaveProperty('custom_providers')
  })

  it('cancel stops a running deploy', async () => {
    const { handlers, firstLine, finished } = await setup()
    await gcloud.configure({ deployDelayMs: 30_000 })
    const { spec } = await handlers['deploy:prepare']({ modelId: 'phi3_py' })
    await handlers['deploy:start']({ spec: { ...spec, ...place }, runId: 'run-3' })
    await firstLine
    expect(await handlers['deploy:cancel']({ runId: 'run-3' })).toEqual({ cancelled: true })
    const event = await finished
    await gcloud.configure({})
    expect(event).toMatchObject({ ok: false, failure: { kind: 'cancelled' } })
    expect(await handlers['deploy:cancel']({ runId: 'run-3' })).toEqual({ cancelled: false })
  })

  it('an existing service URL becomes a provider; a built-in name is refused', async () => {
    const { dispatch, factoryJson } = await setup()
    const url = 'https://my-gemma-4x7kq2nbmq-ew.a.run.app'
    expect(
      await dispatch('deploy:addService', { name: 'my-gemma', url: `${url}/`, model: 'gemma3:4b' }),
    ).toEqual({ ok: true, value: { provider: 'my-gemma', url } })
    expect(await factoryJson()).toMatchObject({
      custom_providers: { 'my-gemma': { base_url: url, default_model: 'gemma3:4b' } },
    })
    const refused = await dispatch('deploy:addService', { name: 'groq', url, model: 'x' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
