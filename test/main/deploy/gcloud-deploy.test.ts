// Deploys through a fake gcloud on PATH: files written, the arguments it got, the URL, failures in words.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultDeploySpec } from '../../../src/shared/deploy'
import {
  addCloudRunProvider,
  CloudRunDeployer,
  DeploySpecError,
  GcloudCli,
  GcloudError,
} from '../../../src/main/services/deploy'
import type { FakeGcloud } from '../../fakes/fake-gcloud'
import { startFakeGcloud } from '../../fakes/fake-gcloud'

const phi3 = { id: 'phi3_mini', ollama_name: 'phi3:mini', est_memory_needed_gb: 4 }
const spec = defaultDeploySpec(phi3, { project: 'my-project', region: 'us-central1' })

let gcloud: FakeGcloud
let workspace: string
beforeEach(async () => {
  gcloud = await startFakeGcloud()
  workspace = await mkdtemp(join(tmpdir(), 'deploy-ws-'))
})
afterEach(async () => {
  await gcloud.close()
  await rm(workspace, { recursive: true, force: true })
})

const deployer = (env = gcloud.env) => new CloudRunDeployer(workspace, new GcloudCli(env))

async function failureOf(work: Promise<unknown>): Promise<GcloudError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GcloudError)
  return error as GcloudError
}

describe('CloudRunDeployer', () => {
  it('writes the files, runs gcloud run deploy with the plan, then reads the URL', async () => {
    const lines: string[] = []
    const { url } = await deployer().deploy(spec, { onLine: (line) => lines.push(line) })
    expect(url).toBe('https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app')
    const dir = join(workspace, 'deploy/cloud-run/ollama-phi3-mini')
    expect(await readFile(join(dir, 'Dockerfile'), 'utf8')).toContain('ENV MODEL=phi3:mini')
    expect((await stat(join(dir, 'deploy.sh'))).mode & 0o111).not.toBe(0)
    const [deployCall, describeCall] = await gcloud.calls()
    expect(deployCall).toEqual(deployer().plan(spec).args)
    expect(describeCall).toEqual([
      'run',
      'services',
      'describe',
      'ollama-phi3-mini',
      '--project',
      'my-project',
      '--region',
      'us-central1',
      '--format=value(status.url)',
    ])
    expect(lines).toContain('  Building Container...')
    expect(lines.at(-1)).toBe('Service URL: https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app')
  })

  it('refuses an invalid spec before writing anything', async () => {
    await expect(deployer().write({ ...spec, cpu: 1 })).rejects.toThrow(DeploySpecError)
    await expect(stat(join(workspace, 'deploy'))).rejects.toThrow()
  })

  it('without gcloud the files are written and the error says what to install', async () => {
    const noGcloud = { ...gcloud.env, PATH: '/nonexistent' }
    const written = await deployer(noGcloud).write(spec)
    expect(written.gcloudPath).toBeNull()
    expect(written.paths).toHaveLength(3)
    const failure = await failureOf(deployer(noGcloud).deploy(spec))
    expect(failure.failure.kind).toBe('gcloud_missing')
    expect(failure.message).toContain('https://cloud.google.com/sdk/docs/install')
  })

  it.each([
    [{ account: null }, 'not_logged_in', 'Run `gcloud auth login`'],
    [
      { fail: 'no-gpu-quota' as const },
      'no_gpu_quota',
      'The project my-project has no NVIDIA L4 quota in us-central1',
    ],
    [
      { fail: 'no-gpu-region' as const },
      'no_gpu_region',
      'Cloud Run has no NVIDIA L4 in us-central1',
    ],
  ])('explains a failed deploy (%o) in words', async (config, kind, words) => {
    await gcloud.configure(config)
    const failure = await failureOf(deployer().deploy(spec))
    expect(failure.failure.kind).toBe(kind)
    expect(failure.message).toContain(words)
  })

  it('cancel stops gcloud and says the deploy was cancelled', async () => {
    await gcloud.configure({ deployDelayMs: 30_000 })
    const controller = new AbortController()
    const run = deployer().deploy(spec, {
      signal: controller.signal,
      onLine: (line) => {
        if (line.includes('Building Container')) controller.abort()
      },
    })
    const failure = await failureOf(run)
    expect(failure.failure.kind).toBe('cancelled')
    expect((await gcloud.calls()).map((args) => args[1])).toEqual(['deploy'])
  })
})

describe('addCloudRunProvider', () => {
  it('writes custom_providers.<service> and keeps the rest of the json', async () => {
    const path = join(workspace, 'data/config/llm_factory_config.json')
    const { mkdir, writeFile } = await import('node:fs/promises')
    await mkdir(join(workspace, 'data/config'), { recursive: true })
    await writeFile(
      path,
      '{\n  "x_mine": 1,\n  "default_provider_preference_order": ["ollama"]\n}\n',
    )
    await addCloudRunProvider(path, {
      name: 'ollama-phi3-mini',
      url: 'https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app/',
      model: 'phi3:mini',
    })
    const text = await readFile(path, 'utf8')
    expect(text.startsWith('{\n  "x_mine": 1,\n')).toBe(true)
    expect(JSON.parse(text)).toEqual({
      x_mine: 1,
      default_provider_preference_order: ['ollama'],
      custom_providers: {
        'ollama-phi3-mini': {
          display_name: 'ollama-phi3-mini (Cloud Run)',
          protocol: 'ollama',
          base_url: 'https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app',
          auth: 'gcloud-identity-token',
          default_model: 'phi3:mini',
        },
      },
    })
  })
})
