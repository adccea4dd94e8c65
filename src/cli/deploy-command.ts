// `cli -- deploy cloud-run --model ID --project P --region R …`: writes the Cloud Run files, runs gcloud, adds the provider.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { defaultDeploySpec, deploySpecIssues, GPU_CHOICES, hasErrors } from '../shared/deploy'
import { loadWorkspaceConfig } from '../main/services/config'
import {
  addCloudRunProvider,
  CloudRunDeployer,
  GCLOUD_INSTALL_HINT,
  GcloudCli,
  GcloudError,
} from '../main/services/deploy'
import { createLlmFactory } from '../main/services/factory'

export const DEPLOY_USAGE = `Usage: npm run --silent cli -- deploy cloud-run --model ID --project P --region R [options]

Writes deploy/cloud-run/<service>/ (Dockerfile, deploy.sh, README) in the workspace, runs
\`gcloud run deploy\`, then adds the service as an ollama provider named after it.

Options:
  --model ID         catalog entry id (or its Ollama name), e.g. phi3_py or phi3:mini
  --project P        Google Cloud project ID
  --region R         Cloud Run region, e.g. us-central1
  --service NAME     service (and provider) name (default: ollama-<model>)
  --gpu G            ${GPU_CHOICES.join(' | ')} (default: l4)
  --dry-run          write the files and print the command; do not run gcloud
  --workspace DIR    workspace folder (default: $MINDX_WORKSPACE, else the current directory)
  --json             one JSON object: {files, command, url, provider}`

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const argsSchema = z.object({
  model: z.string().trim().min(1, 'pass --model ID'),
  project: z.string().trim().min(1, 'pass --project P'),
  region: z.string().trim().min(1, 'pass --region R'),
  service: z.string().trim().min(1).optional(),
  gpu: z.enum(GPU_CHOICES).default('l4'),
})

function usageError(io: Io, message: string): number {
  io.err(`${message}\n\n${DEPLOY_USAGE}\n`)
  return 2
}

export async function runDeployCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd: string,
  io: Io,
  signal?: AbortSignal,
): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (err) {
    return usageError(io, err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (positionals.join(' ') !== 'cloud-run') return usageError(io, 'Expected: deploy cloud-run')
  const args = argsSchema.safeParse(values)
  if (!args.success) {
    const issue = args.error.issues[0]
    return usageError(io, `Invalid --${String(issue?.path[0])}: ${issue?.message ?? ''}`)
  }
  const workspace = values.workspace ?? env.MINDX_WORKSPACE ?? env.INIT_CWD ?? cwd
  const json = values.json ?? false

  const catalog = await createLlmFactory({ workspace, env }).catalog()
  const { model, project, region, gpu, service } = args.data
  const entry = catalog.entries.find((e) => e.id === model || e.ollama_name === model)
  if (!entry) {
    const ids = catalog.entries.map((e) => e.id).join(', ')
    return usageError(io, `No catalog entry ${model}. Catalog ids: ${ids}`)
  }
  const spec = {
    ...defaultDeploySpec(entry, { project, region, gpu }),
    ...(service ? { service } : {}),
  }
  const issues = deploySpecIssues(spec)
  for (const issue of issues) io.err(`${issue.severity}: ${issue.field}: ${issue.message}\n`)
  if (hasErrors(issues)) return 2

  const gcloud = new GcloudCli(env)
  const deployer = new CloudRunDeployer(workspace, gcloud)
  const written = await deployer.write(spec)
  const answer = { files: written.paths, command: written.plan.command, url: null as string | null }
  const print = (extra: Record<string, unknown> = {}) => {
    if (json) io.out(JSON.stringify({ ...answer, ...extra }) + '\n')
  }
  if (!json) io.out(`${written.paths.join('\n')}\n\n${written.plan.command}\n`)
  if (values['dry-run'] === true) {
    if (written.gcloudPath === null) io.err(`note: ${GCLOUD_INSTALL_HINT}\n`)
    print({ provider: null })
    return 0
  }
  try {
    const { url } = await deployer.deploy(spec, { signal, onLine: (line) => io.err(line + '\n') })
    const ws = await loadWorkspaceConfig({ root: workspace, env })
    await addCloudRunProvider(ws.factory.path, { name: spec.service, url, model: spec.ollamaName })
    answer.url = url
    if (!json) io.out(`\n${url}\nadded as provider ${spec.service}\n`)
    print({ provider: spec.service })
    return 0
  } catch (err) {
    if (!(err instanceof GcloudError)) throw err
    io.err(`error (${err.failure.kind}): ${err.message}\n`)
    if (json) print({ provider: null, error: { code: err.failure.kind, message: err.message } })
    return 1
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string' },
      project: { type: 'string' },
      region: { type: 'string' },
      service: { type: 'string' },
      gpu: { type: 'string' },
      'dry-run': { type: 'boolean' },
      workspace: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
}
