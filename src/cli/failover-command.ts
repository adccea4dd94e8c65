// `generate --failover` / `--chain …`: the answer from the first entry that answers, with the route.
import type { LlmFactory } from '../main/services/factory'
import { attemptsOf } from '../main/services/factory'
import type { CallAttempt } from '../shared/failover'
import { attemptLabel, formatRoute } from '../shared/failover'
import type { CliArgs } from './args'

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

export async function generateWithFailover(
  factory: LlmFactory,
  args: CliArgs,
  prompt: string,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const options = {
    system: args.system,
    maxTokens: args.maxTokens,
    temperature: args.temperature,
    jsonMode: args.jsonMode,
    signal,
    ...(args.chain ? { chain: args.chain } : {}),
  }
  if (!args.stream) {
    const result = await factory.generateWithFailover(prompt, options)
    io.out(args.json ? JSON.stringify(result) + '\n' : result.text + '\n')
    if (result.attempts.length > 0) io.err(`route: ${formatRoute(result.attempts, result)}\n`)
    return 0
  }
  for await (const event of factory.streamWithFailover(prompt, options)) {
    if (event.type === 'delta') {
      if (!args.json) io.out(event.text)
      continue
    }
    const { type: _type, ...result } = event
    io.out(args.json ? JSON.stringify(result) + '\n' : '\n')
    if (result.attempts?.length) io.err(`route: ${formatRoute(result.attempts, result)}\n`)
  }
  return 0
}

/** Every attempt of a failed-over call, one per line (stderr). */
export function describeAttempts(error: unknown): { lines: string; attempts: CallAttempt[] } {
  const attempts = attemptsOf(error)
  const lines = attempts
    .map((a, i) => {
      const where = [a.provider, a.model, a.baseUrl].filter(Boolean).join(' · ')
      return `  ${i + 1}. ${where}: ${attemptLabel(a)} [${a.code}] ${a.message}\n`
    })
    .join('')
  return { lines, attempts }
}
