// Parses and validates the CLI's arguments (node:util parseArgs + zod); bad input is a UsageError.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { modelRefSchema } from '../shared/model-ref'
import { chainSchema, splitChain } from '../shared/failover'
import { providerNameSchema } from '../shared/providers'

export const COMMANDS = ['resolve', 'providers', 'generate', 'catalog', 'models', 'bench'] as const
export type Command = (typeof COMMANDS)[number]

export const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  resolve    the effective provider, model, key (masked), base URL, handler and where each came from
  providers  every provider (built-in and custom): protocol, base URL, masked key, where each came from
  generate   send a prompt (--prompt TEXT, or stdin) and print the answer
  catalog    the merged Cloud Run friendly Ollama catalog
  models     models installed on the Ollama host
  bench      run a prompt suite across models (--suite FILE); results on stdout, progress on stderr
  deploy cloud-run --model ID --project P --region R   a catalog model to Cloud Run (deploy --help)

Options:
  --workspace DIR      workspace folder (default: $MINDX_WORKSPACE, else the current directory)
  --provider NAME      any name \`providers\` lists (vllm, ollama_cloud, a custom endpoint, …)
  --model NAME         model name for the provider's API
  --api-key KEY        API key (prefer config or env; shows up in shell history)
  --base-url URL       provider base URL (proxies, gateways, remote Ollama)
  --json               machine-readable output: exactly one JSON object on stdout
  generate only:
  --prompt TEXT  --system TEXT  --max-tokens N  --temperature T (0-2)  --json-mode  --stream
  --failover           walk default_provider_preference_order until a provider answers
  --chain A,B/model,C  walk this chain instead (implies --failover); --json adds the attempts
  bench only:
  --suite FILE  --models p/m,…  --repeat N  --concurrency N  --csv (one row per call)`

export class UsageError extends Error {
  override name = 'UsageError'
}

const optionalText = z.string().trim().min(1).optional()
const cliSchema = z.object({
  command: z.enum(COMMANDS),
  workspace: z.string().min(1),
  provider: providerNameSchema.optional(),
  model: optionalText,
  apiKey: optionalText,
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  json: z.boolean(),
  prompt: z.string().optional(),
  system: z.string().optional(),
  maxTokens: z.coerce.number().int().positive().optional(),
  temperature: z.coerce.number().min(0).max(2).optional(),
  jsonMode: z.boolean(),
  stream: z.boolean(),
  suite: z.string().min(1).optional(),
  models: z.array(modelRefSchema).optional(),
  repeat: z.coerce.number().int().min(1).max(1000).optional(),
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  csv: z.boolean(),
  failover: z.boolean(),
  chain: chainSchema.min(1, 'name at least one provider').optional(),
})
export type CliArgs = z.infer<typeof cliSchema>

export function parseCliArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): CliArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'No command given.' : `Unexpected argument: ${positionals[1]}`,
    )
  }
  const result = cliSchema.safeParse({
    command: positionals[0],
    // npm run changes the cwd to the package root; INIT_CWD is where the user typed the command.
    workspace: values.workspace ?? env.MINDX_WORKSPACE ?? env.INIT_CWD ?? cwd,
    provider: values.provider?.toLowerCase(),
    model: values.model,
    apiKey: values['api-key'],
    baseUrl: values['base-url'],
    json: values.json ?? false,
    prompt: values.prompt,
    system: values.system,
    maxTokens: values['max-tokens'],
    temperature: values.temperature,
    jsonMode: values['json-mode'] ?? false,
    stream: values.stream ?? false,
    suite: values.suite,
    models: values.models
      ?.split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    repeat: values.repeat,
    concurrency: values.concurrency,
    csv: values.csv ?? false,
    failover: (values.failover ?? false) || values.chain !== undefined,
    chain: values.chain === undefined ? undefined : splitChain(values.chain),
  })
  if (result.success && result.data.command === 'bench' && !result.data.suite) {
    throw new UsageError('bench needs --suite FILE (a .yaml or .json suite).')
  }
  if (result.success && result.data.json && result.data.csv) {
    throw new UsageError('Pass --json or --csv, not both.')
  }
  if (!result.success) {
    const issue = result.error.issues[0]
    const name = issue?.path.join('.') ?? 'argument'
    throw new UsageError(`Invalid ${flagName(name)}: ${issue?.message ?? 'invalid value'}`)
  }
  return result.data
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      workspace: { type: 'string' },
      provider: { type: 'string' },
      model: { type: 'string' },
      'api-key': { type: 'string' },
      'base-url': { type: 'string' },
      json: { type: 'boolean' },
      prompt: { type: 'string' },
      system: { type: 'string' },
      'max-tokens': { type: 'string' },
      temperature: { type: 'string' },
      'json-mode': { type: 'boolean' },
      stream: { type: 'boolean' },
      suite: { type: 'string' },
      models: { type: 'string' },
      repeat: { type: 'string' },
      concurrency: { type: 'string' },
      csv: { type: 'boolean' },
      failover: { type: 'boolean' },
      chain: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

function flagName(path: string): string {
  if (path === 'command') return `command (expected one of ${COMMANDS.join(', ')})`
  return '--' + path.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
}
