// `cli -- deploy cloud-run`: dry run (files + command), a deploy through the fake gcloud adding the provider,
// --json, failures and usage errors.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import type { FakeGcloud } from '../fakes/fake-gcloud'
import { startFakeGcloud } from '../fakes/fake-gcloud'
import { makeTempDir, writeWorkspace } from '../app/helpers'

let gcloud: FakeGcloud
let temp: Awaited<ReturnType<typeof makeTempDir>>
beforeAll(async () => {
  gcloud = await startFakeGcloud()
  temp = await makeTempDir('deploy-cli-')
})
afterAll(async () => {
  await Promise.all([gcloud.close(), temp.cleanup()])
})

let counter = 0
async function cli(args: string[], env: Record<string, string | undefined> = gcloud.env) {
  const workspace = join(temp.dir, `ws-${++counter}`)
  await writeWorkspace(workspace, {})
  const out: string[] = []
  const err: string[] = []
  const io = {
    out: (t: string) => void out.push(t),
    err: (t: string) => void err.push(t),
    readStdin: () => Promise.resolve(undefined),
  }
  const code = await runCli(
    ['deploy', 'cloud-run', ...args, '--workspace', workspace],
    env,
    '/',
    io,
  )
  const factoryJson = JSON.parse(
    await readFile(join(workspace, 'data/config/llm_factory_config.json'), 'utf8'),
  ) as Record<string, unknown>
  return { code, out: out.join(''), err: err.join(''), workspace, factoryJson }
}

const base = ['--model', 'phi3_py', '--project', 'my-project', '--region', 'us-central1']

describe('deploy cloud-run', () => {
  it('--dry-run writes the files and prints their paths and the command, without gcloud', async () => {
    const before = (await gcloud.calls()).length
    const run = await cli([...base, '--gpu', 'rtx-pro-6000', '--dry-run'])
    expect(run.code).toBe(0)
    expect(run.out).toContain(join(run.workspace, 'deploy/cloud-run/ollama-phi3-mini/Dockerfile'))
    expect(run.out).toContain(
      'gcloud run deploy ollama-phi3-mini --project my-project --region us-central1 --source deploy/cloud-run/ollama-phi3-mini --gpu 1 --gpu-type nvidia-rtx-pro-6000',
    )
    expect(run.out).toContain('--cpu 20 --memory 80Gi')
    expect((await gcloud.calls()).length).toBe(before)
  })

  it('deploys through gcloud, prints the URL and adds the provider; --json is one object', async () => {
    const run = await cli([...base, '--service', 'phi-run', '--json'])
    expect(run.code).toBe(0)
    const url = 'https://phi-run-4x7kq2nbmq-uc.a.run.app'
    const answer = JSON.parse(run.out) as Record<string, unknown>
    expect(answer).toMatchObject({ url, provider: 'phi-run' })
    expect(answer.command).toMatch(/^gcloud run deploy phi-run /)
    expect(answer.files).toHaveLength(3)
    expect(run.err).toContain('Building Container')
    expect(run.factoryJson).toMatchObject({
      custom_providers: { 'phi-run': { base_url: url, auth: 'gcloud-identity-token' } },
    })
  })

  it('a deploy failure exits 1 with the explanation; nothing is added', async () => {
    await gcloud.configure({ account: null })
    const run = await cli(base)
    await gcloud.configure({})
    expect(run.code).toBe(1)
    expect(run.err).toContain('error (not_logged_in): gcloud is not logged in')
    expect(run.factoryJson).not.toHaveProperty('custom_providers')
  })

  it('without gcloud: files written, the error says what to install', async () => {
    const run = await cli(base, { PATH: '/nonexistent' })
    expect(run.code).toBe(1)
    expect(run.out).toContain('deploy.sh')
    expect(run.err).toContain('https://cloud.google.com/sdk/docs/install')
  })

  it('invalid input is a usage error (2) with the reason', async () => {
    expect((await cli(['--model', 'phi3_py'])).err).toContain('Invalid --project')
    const unknown = await cli([...base.slice(2), '--model', 'nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('No catalog entry nope')
    const gpu = await cli([...base, '--gpu', 'h100'])
    expect(gpu.code).toBe(2)
  })
})
