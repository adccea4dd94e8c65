// `npm run --silent cli -- <resolve|generate|catalog|models|deploy>`: the factory from a terminal.
import { createLlmFactory, LlmError } from '../main/services/factory'
import type { LlmFactory } from '../main/services/factory'
import { ConfigFileError } from '../main/services/config/types'
import { PathOutsideWorkspaceError } from '../main/services/config/workspace-paths'
import { redactSecrets } from '../shared/redaction'
import { FileSecretStore } from '../main/services/secrets'
import { callOptions, writeAnswer } from './answer-output'
import type { CliArgs } from './args'
import { parseCliArgs, USAGE, UsageError } from './args'
import { lazyIdentityTokens } from './identity-tokens'
import { formatCatalog, formatModels, formatResolution } from './format'
import { listProviders, unknownProviderMessage } from './providers-command'
import { describeAttempts, generateWithFailover } from './failover-command'

interface Io {
  out: (text: string) => void
  err: (text: string) => void
  readStdin: () => Promise<string | undefined>
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd: string,
  io: Io,
  signal?: AbortSignal,
): Promise<number> {
  // Commands other than resolve load their modules when run: every start pays for what it loads.
  if (argv[0] === 'deploy') {
    const { DEPLOY_USAGE, runDeployCommand } = await import('./deploy-command')
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(DEPLOY_USAGE + '\n')
      return 0
    }
    return runDeployCommand(argv.slice(1), env, cwd, io, signal)
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE + '\n')
    return 0
  }
  let args: CliArgs
  try {
    args = parseCliArgs(argv, env, cwd)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.err(`${err.message}\n\n${USAGE}\n`)
    return 2
  }
  // Keys saved from the app in serve mode live in the workspace's 0600 store; the CLI reads them too.
  const secrets = new FileSecretStore(args.workspace)
  const identityTokens = lazyIdentityTokens(env)
  const factory = createLlmFactory({ workspace: args.workspace, env, secrets, identityTokens })
  const handlerArgs = {
    provider: args.provider,
    model: args.model,
    apiKey: args.apiKey,
    baseUrl: args.baseUrl,
  }
  try {
    if (args.provider !== undefined) {
      const registry = await factory.providers()
      if (!registry.has(args.provider)) {
        io.err(`${unknownProviderMessage(args.provider, registry)}\n\n${USAGE}\n`)
        return 2
      }
    }
    switch (args.command) {
      case 'resolve': {
        const { view } = await factory.resolve(handlerArgs)
        const { warnings, ...answer } = view
        for (const w of warnings) io.err(`warning: ${w.file}:${w.line}:${w.column}: ${w.message}\n`)
        io.out(args.json ? JSON.stringify(answer) + '\n' : formatResolution(view) + '\n')
        return 0
      }
      case 'providers':
        io.out((await listProviders(factory, args.json)) + '\n')
        return 0
      case 'catalog': {
        const catalog = await factory.catalog()
        io.out(args.json ? JSON.stringify(catalog) + '\n' : formatCatalog(catalog) + '\n')
        return 0
      }
      case 'models': {
        const handler = await factory.createLlmHandler({ ...handlerArgs, provider: 'ollama' })
        const models = await handler.listModels(signal)
        io.out(args.json ? JSON.stringify({ models }) + '\n' : formatModels(models) + '\n')
        return 0
      }
      case 'generate':
        return await generate(factory, args, handlerArgs, io, signal)
      case 'bench': {
        const { benchCommand } = await import('./bench-command')
        return await benchCommand(factory, args, env.INIT_CWD ?? cwd, io, signal)
      }
    }
  } catch (err) {
    return reportFailure(err, args.json, io)
  }
}

async function generate(
  factory: LlmFactory,
  args: CliArgs,
  handlerArgs: Parameters<LlmFactory['createLlmHandler']>[0],
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const prompt = args.prompt ?? (await io.readStdin())
  if (prompt === undefined || prompt.trim() === '') {
    io.err(`No prompt: pass --prompt TEXT or pipe it on stdin.\n\n${USAGE}\n`)
    return 2
  }
  if (args.failover) return generateWithFailover(factory, args, prompt, io, signal)
  const handler = await factory.createLlmHandler(handlerArgs)
  if (handler.fallbackReason) io.err(`note: ${handler.fallbackReason}\n`)
  const options = callOptions(args, signal)
  const answer = args.stream
    ? handler.streamText(prompt, options)
    : handler.generate(prompt, options)
  return writeAnswer(io, args, answer, false)
}

function reportFailure(err: unknown, json: boolean, io: Io): number {
  if (err instanceof LlmError) {
    // A base URL with a credential in it may be quoted by the provider's error: never print it.
    const message = redactSecrets(err.message)
    const { lines, attempts } = describeAttempts(err)
    io.err(`error (${err.code}): ${message}\n${lines}`)
    if (json) {
      const { code, retryAfterMs } = err
      const error = { code, message, retryAfterMs: retryAfterMs ?? null }
      io.out(JSON.stringify({ error: attempts.length > 0 ? { ...error, attempts } : error }) + '\n')
    }
    return 1
  }
  if (err instanceof ConfigFileError) {
    io.err(`error (config_invalid): ${err.message}\n`)
    if (json) {
      const { file, line, column, message } = err
      io.out(
        JSON.stringify({
          error: { code: 'config_invalid', message, file, line, column, retryAfterMs: null },
        }) + '\n',
      )
    }
    return 1
  }
  if (err instanceof PathOutsideWorkspaceError) {
    io.err(`error (path_outside_workspace): ${err.message}\n`)
    if (json) {
      const error = { code: 'path_outside_workspace', message: err.message, retryAfterMs: null }
      io.out(JSON.stringify({ error }) + '\n')
    }
    return 1
  }
  throw err
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isEntry) void import('./main').then((entry) => entry.main())
