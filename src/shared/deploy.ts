// Cloud Run deploy spec for one catalog model: zod shape, GPU minimums, defaults and combination checks.
import { z } from 'zod'
import { modelNameSchema } from './ollama'
import { BUILT_IN_PROVIDER_NAMES, providerNameSchema } from './providers'

export const GPU_CHOICES = ['none', 'l4', 'rtx-pro-6000'] as const
export type GpuChoice = (typeof GPU_CHOICES)[number]

export interface GpuType {
  label: string
  /** The value of `gcloud run deploy --gpu-type`. */
  gcloudType: string
  /** Google's documented minimums for an instance with this GPU (Cloud Run GPU docs). */
  minCpu: number
  minMemoryGib: number
  vramGb: number
}

export const GPU_TYPES: Readonly<Record<Exclude<GpuChoice, 'none'>, GpuType>> = {
  l4: { label: 'NVIDIA L4', gcloudType: 'nvidia-l4', minCpu: 4, minMemoryGib: 16, vramGb: 24 },
  'rtx-pro-6000': {
    label: 'NVIDIA RTX PRO 6000 Blackwell',
    gcloudType: 'nvidia-rtx-pro-6000',
    minCpu: 20,
    minMemoryGib: 80,
    vramGb: 96,
  },
}

/** Without a GPU, Cloud Run's CPU steps and the most memory each allows (GiB). */
export const CPU_MEMORY_LIMITS: readonly { cpu: number; maxMemoryGib: number }[] = [
  { cpu: 1, maxMemoryGib: 4 },
  { cpu: 2, maxMemoryGib: 8 },
  { cpu: 4, maxMemoryGib: 16 },
  { cpu: 6, maxMemoryGib: 24 },
  { cpu: 8, maxMemoryGib: 32 },
]

/** Regions Google lists for Cloud Run GPUs (docs, late 2025); others are warned about, not refused. */
export const GPU_REGIONS = [
  'us-central1',
  'us-east4',
  'europe-west1',
  'europe-west4',
  'asia-southeast1',
  'asia-south1',
]

/** The pinned base image tag: a deploy must not change under the user when `latest` moves. */
export const DEFAULT_OLLAMA_TAG = '0.12.6'

const serviceName = z
  .string()
  .trim()
  .regex(
    /^[a-z](?:[a-z0-9-]{0,47}[a-z0-9])?$/,
    'A service name has lowercase letters, digits and hyphens, starts with a letter, does not end with a hyphen, and is under 50 characters',
  )
const projectId = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    'A project ID has 6–30 lowercase letters, digits or hyphens and starts with a letter',
  )
const region = z
  .string()
  .trim()
  .regex(/^[a-z]+-[a-z]+\d+$/, 'A region looks like us-central1 or europe-west4')

export const deploySpecSchema = z.strictObject({
  modelId: z.string().trim().min(1).max(200),
  // Lands in a Dockerfile line and a shell script: an Ollama name, never free text.
  ollamaName: modelNameSchema,
  estMemoryGb: z.number().nonnegative().max(1024),
  service: serviceName,
  project: projectId,
  region,
  gpu: z.enum(GPU_CHOICES),
  cpu: z.number().int('CPU is a whole number').min(1).max(44),
  memoryGib: z.number().int('Memory is a whole number of GiB').min(1).max(176),
  concurrency: z.number().int().min(1).max(1000),
  maxInstances: z.number().int().min(1).max(100),
  timeoutSeconds: z.number().int().min(1).max(3600),
  requireAuth: z.boolean(),
  bakeWeights: z.boolean(),
  ollamaTag: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'An image tag like 0.12.6'),
})
export type DeploySpec = z.infer<typeof deploySpecSchema>

export interface DeployIssue {
  field: keyof DeploySpec
  severity: 'error' | 'warning'
  message: string
}

/** `phi3:mini` → `ollama-phi3-mini`: a valid Cloud Run service (and provider) name. */
export function serviceNameFor(ollamaName: string): string {
  const slug = ollamaName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `ollama-${slug}`.slice(0, 49).replace(/-+$/, '')
}

function cpuForMemory(memoryGib: number): number {
  return CPU_MEMORY_LIMITS.find((step) => step.maxMemoryGib >= memoryGib)?.cpu ?? 8
}

/** CPU and memory for a GPU choice: the model's estimate, raised to the GPU's minimums. */
export function resourcesFor(
  gpu: GpuChoice,
  estMemoryGb: number,
): { cpu: number; memoryGib: number } {
  const needed = Math.max(1, Math.ceil(estMemoryGb))
  if (gpu === 'none') return { cpu: cpuForMemory(needed), memoryGib: needed }
  const type = GPU_TYPES[gpu]
  const memoryGib = Math.max(type.minMemoryGib, needed)
  return { cpu: Math.max(type.minCpu, memoryGib <= 32 ? cpuForMemory(memoryGib) : 8), memoryGib }
}

export interface DeployModel {
  id: string
  ollama_name: string
  est_memory_needed_gb: number
}

/** The dialog's and the CLI's starting point for a catalog entry (project and region left to fill). */
export function defaultDeploySpec(
  model: DeployModel,
  place: { project?: string; region?: string; gpu?: GpuChoice } = {},
): DeploySpec {
  const gpu = place.gpu ?? 'l4'
  return {
    modelId: model.id,
    ollamaName: model.ollama_name,
    estMemoryGb: model.est_memory_needed_gb,
    service: serviceNameFor(model.ollama_name),
    project: place.project ?? '',
    region: place.region ?? 'us-central1',
    gpu,
    ...resourcesFor(gpu, model.est_memory_needed_gb),
    concurrency: 4,
    maxInstances: 1,
    timeoutSeconds: 600,
    requireAuth: true,
    bakeWeights: true,
    ollamaTag: DEFAULT_OLLAMA_TAG,
  }
}

/** Field problems (zod) and invalid combinations, in words, before anything is written. */
export function deploySpecIssues(input: unknown): DeployIssue[] {
  const parsed = deploySpecSchema.safeParse(input)
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? 'service') as keyof DeploySpec,
      severity: 'error',
      message: issue.message,
    }))
  }
  return combinationIssues(parsed.data)
}

function combinationIssues(spec: DeploySpec): DeployIssue[] {
  const issues: DeployIssue[] = []
  const error = (field: keyof DeploySpec, message: string) =>
    issues.push({ field, severity: 'error', message })
  const need = Math.ceil(spec.estMemoryGb)
  if (spec.gpu === 'none') {
    const step = CPU_MEMORY_LIMITS.find((s) => s.cpu >= spec.cpu)
    if (!CPU_MEMORY_LIMITS.some((s) => s.cpu === spec.cpu)) {
      error('cpu', 'Without a GPU, Cloud Run offers 1, 2, 4, 6 or 8 CPU.')
    } else if (step && spec.memoryGib > step.maxMemoryGib) {
      error('memoryGib', `${spec.cpu} CPU allow at most ${step.maxMemoryGib} GiB of memory.`)
    }
  } else {
    const type = GPU_TYPES[spec.gpu]
    if (spec.cpu < type.minCpu) {
      error('cpu', `${type.label} needs at least ${type.minCpu} CPU (you chose ${spec.cpu}).`)
    }
    if (spec.memoryGib < type.minMemoryGib) {
      error(
        'memoryGib',
        `${type.label} needs at least ${type.minMemoryGib} GiB of memory (you chose ${spec.memoryGib}).`,
      )
    }
    if (!GPU_REGIONS.includes(spec.region)) {
      issues.push({
        field: 'region',
        severity: 'warning',
        message: `${spec.region} is not in Google's list of Cloud Run GPU regions (${GPU_REGIONS.join(', ')}); the deploy may be refused.`,
      })
    }
  }
  if (spec.memoryGib < need) {
    error('memoryGib', `${spec.ollamaName} needs about ${need} GiB; give it at least that much.`)
  }
  if (spec.ollamaTag === 'latest') {
    error('ollamaTag', 'Pin an Ollama version (e.g. 0.12.6): `latest` changes under you.')
  }
  if (BUILT_IN_PROVIDER_NAMES.includes(spec.service)) {
    error('service', `${spec.service} is a built-in provider's name; pick another service name.`)
  }
  if (!spec.requireAuth) {
    issues.push({
      field: 'requireAuth',
      severity: 'warning',
      message: 'Without authentication anyone with the URL can use (and bill) this GPU.',
    })
  }
  return issues
}

export function hasErrors(issues: readonly DeployIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/** A generated file, its path relative to the workspace. */
export interface DeployFile {
  path: string
  content: string
}

export interface DeployPlan {
  spec: DeploySpec
  /** deploy/cloud-run/<service>, relative to the workspace. */
  dir: string
  files: DeployFile[]
  /** `gcloud run deploy …` as argv (without `gcloud`), and as one copyable line. */
  args: string[]
  command: string
}

export const DEPLOY_FAILURE_KINDS = [
  'gcloud_missing',
  'not_logged_in',
  'no_gpu_quota',
  'no_gpu_region',
  'billing',
  'cancelled',
  'failed',
] as const
export type DeployFailureKind = (typeof DEPLOY_FAILURE_KINDS)[number]

/** What `deploy:prepare` gives the dialog: defaults for the entry and whether gcloud is there. */
export interface DeployPreparation {
  spec: DeploySpec
  gcloudFound: boolean
  /** What to install, when gcloud is not found. */
  installHint?: string
}

/** The files `deploy:write` wrote and the command to copy. */
export interface WrittenDeployFiles {
  /** deploy/cloud-run/<service>, relative to the workspace. */
  dir: string
  files: DeployFile[]
  command: string
  gcloudFound: boolean
  installHint?: string
}

export interface DeployLogEvent {
  runId: string
  line: string
}

export type DeployFinishedEvent =
  | { runId: string; ok: true; url: string; provider: string }
  | { runId: string; ok: false; failure: { kind: DeployFailureKind; message: string } }

/** A provider name made from a service name: lowercase `[a-z0-9_-]+`, not a built-in one. */
export const cloudRunProviderNameSchema = providerNameSchema.refine(
  (name) => !BUILT_IN_PROVIDER_NAMES.includes(name),
  "That is a built-in provider's name; pick another",
)
