// The deploy spec (defaults, invalid combinations in words) and what it renders for each GPU choice.
import { describe, expect, it } from 'vitest'
import type { DeploySpec } from '../../../src/shared/deploy'
import { defaultDeploySpec, deploySpecIssues } from '../../../src/shared/deploy'
import { planDeploy } from '../../../src/main/services/deploy'

const gemma = { id: 'gemma3_4b', ollama_name: 'gemma3:4b', est_memory_needed_gb: 6 }
const spec = (over: Partial<DeploySpec> = {}): DeploySpec => ({
  ...defaultDeploySpec(gemma, { project: 'my-project', region: 'europe-west4' }),
  ...over,
})
const errors = (s: unknown) =>
  deploySpecIssues(s)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.field}: ${i.message}`)

describe('defaultDeploySpec', () => {
  it('names the service after the model and raises resources to the GPU minimums', () => {
    const l4 = spec()
    expect(l4).toMatchObject({
      service: 'ollama-gemma3-4b',
      gpu: 'l4',
      cpu: 4,
      memoryGib: 16,
      concurrency: 4,
      maxInstances: 1,
      requireAuth: true,
      bakeWeights: true,
    })
    expect(defaultDeploySpec(gemma, { gpu: 'rtx-pro-6000' })).toMatchObject({
      cpu: 20,
      memoryGib: 80,
    })
    // Without a GPU: the memory estimate, and the fewest CPU that allow it.
    expect(defaultDeploySpec(gemma, { gpu: 'none' })).toMatchObject({ cpu: 2, memoryGib: 6 })
    expect(errors(l4)).toEqual([])
  })
})

describe('deploySpecIssues', () => {
  it('explains GPU minimums, memory below the model estimate and CPU/memory steps', () => {
    expect(errors(spec({ cpu: 2, memoryGib: 8 }))).toEqual([
      'cpu: NVIDIA L4 needs at least 4 CPU (you chose 2).',
      'memoryGib: NVIDIA L4 needs at least 16 GiB of memory (you chose 8).',
    ])
    expect(errors(spec({ gpu: 'rtx-pro-6000', cpu: 8, memoryGib: 32 }))).toEqual([
      'cpu: NVIDIA RTX PRO 6000 Blackwell needs at least 20 CPU (you chose 8).',
      'memoryGib: NVIDIA RTX PRO 6000 Blackwell needs at least 80 GiB of memory (you chose 32).',
    ])
    expect(errors(spec({ gpu: 'none', cpu: 1, memoryGib: 4 }))).toEqual([
      'memoryGib: gemma3:4b needs about 6 GiB; give it at least that much.',
    ])
    expect(errors(spec({ gpu: 'none', cpu: 2, memoryGib: 12 }))).toEqual([
      'memoryGib: 2 CPU allow at most 8 GiB of memory.',
    ])
    expect(errors(spec({ gpu: 'none', cpu: 3 }))).toEqual([
      'cpu: Without a GPU, Cloud Run offers 1, 2, 4, 6 or 8 CPU.',
    ])
  })

  it('refuses bad names, a floating image tag and a built-in provider name', () => {
    expect(errors(spec({ service: 'Bad_Name' }))[0]).toMatch(/^service: A service name has/)
    expect(errors(spec({ project: 'x' }))[0]).toMatch(/^project: A project ID/)
    expect(errors(spec({ ollamaTag: 'latest' }))).toEqual([
      'ollamaTag: Pin an Ollama version (e.g. 0.12.6): `latest` changes under you.',
    ])
    expect(errors(spec({ service: 'ollama' }))).toEqual([
      "service: ollama is a built-in provider's name; pick another service name.",
    ])
  })

  it('warns (without refusing) about a region without GPUs and a public service', () => {
    const issues = deploySpecIssues(spec({ region: 'southamerica-east1', requireAuth: false }))
    expect(issues.map((i) => [i.field, i.severity])).toEqual([
      ['region', 'warning'],
      ['requireAuth', 'warning'],
    ])
  })
})

describe('planDeploy', () => {
  it('L4: Dockerfile pinned and baked, the exact gcloud arguments, deploy.sh and README', () => {
    const plan = planDeploy(spec())
    expect(plan.dir).toBe('deploy/cloud-run/ollama-gemma3-4b')
    expect(plan.files.map((f) => f.path)).toEqual([
      'deploy/cloud-run/ollama-gemma3-4b/Dockerfile',
      'deploy/cloud-run/ollama-gemma3-4b/deploy.sh',
      'deploy/cloud-run/ollama-gemma3-4b/README.md',
    ])
    const [dockerfile = '', script = '', readme = ''] = plan.files.map((f) => f.content)
    expect(dockerfile).toContain('FROM ollama/ollama:0.12.6\n')
    for (const line of [
      'ENV OLLAMA_HOST=0.0.0.0:8080',
      'ENV OLLAMA_MODELS=/models',
      'ENV OLLAMA_KEEP_ALIVE=-1',
      'ENV MODEL=gemma3:4b',
      'RUN ollama serve & sleep 5 && ollama pull "$MODEL"',
      'ENTRYPOINT ["ollama", "serve"]',
    ]) {
      expect(dockerfile).toContain(line)
    }
    expect(plan.args).toEqual([
      'run',
      'deploy',
      'ollama-gemma3-4b',
      '--project',
      'my-project',
      '--region',
      'europe-west4',
      '--source',
      'deploy/cloud-run/ollama-gemma3-4b',
      '--gpu',
      '1',
      '--gpu-type',
      'nvidia-l4',
      '--no-gpu-zonal-redundancy',
      '--cpu',
      '4',
      '--memory',
      '16Gi',
      '--concurrency',
      '4',
      '--max-instances',
      '1',
      '--no-allow-unauthenticated',
      '--no-cpu-throttling',
      '--timeout',
      '600s',
      '--set-env-vars',
      'OLLAMA_NUM_PARALLEL=4',
      '--quiet',
    ])
    expect(plan.command).toBe(`gcloud ${plan.args.join(' ')}`)
    expect(script).toContain('#!/bin/sh\n')
    expect(script).toContain('cd "$(dirname "$0")/../../.."')
    expect(script).toContain('  --gpu-type nvidia-l4 \\\n')
    expect(script.replaceAll(' \\\n  ', ' ')).toContain(plan.command)
    expect(readme).toContain('Total Nvidia L4 GPU allocation, per project per region')
    expect(readme).toContain('Billing')
    expect(readme).toContain('us-central1')
    expect(readme).toContain('roles/run.invoker')
  })

  it('RTX PRO 6000: its gcloud GPU type and minimums', () => {
    const plan = planDeploy(spec({ gpu: 'rtx-pro-6000', cpu: 20, memoryGib: 80, concurrency: 8 }))
    expect(plan.command).toContain(
      '--gpu 1 --gpu-type nvidia-rtx-pro-6000 --no-gpu-zonal-redundancy --cpu 20 --memory 80Gi --concurrency 8',
    )
    expect(plan.command).toContain('--set-env-vars OLLAMA_NUM_PARALLEL=8')
    expect(plan.files[2]?.content).toContain('Total Nvidia RTX Pro 6000 GPU allocation')
  })

  it('no GPU, public, weights not baked: no GPU flags, pulled at start', () => {
    const plan = planDeploy(
      spec({ gpu: 'none', cpu: 2, memoryGib: 8, requireAuth: false, bakeWeights: false }),
    )
    expect(plan.args).not.toContain('--gpu')
    expect(plan.args).not.toContain('--gpu-type')
    expect(plan.args).toContain('--allow-unauthenticated')
    expect(plan.args).not.toContain('--no-allow-unauthenticated')
    const dockerfile = plan.files[0]?.content ?? ''
    expect(dockerfile).not.toContain('RUN ollama serve')
    expect(dockerfile).toContain('ollama serve & sleep 5 && ollama pull')
  })
})
