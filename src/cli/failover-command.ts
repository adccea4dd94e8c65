// `generate --failover` / `--chain …`: the answer from the first entry that answers, with the route.
import type { LlmFactory } from '../main/services/factory'
import { attemptsOf } from '../main/services/factory'
import type { CallAttempt } from '../shared/failover'
import { attemptLabel } from '../shared/failover'
import { callOptions, writeAnswer } from './answer-output'
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
    ...callOptions(args, signal),
    ...(args.chain ? { chain: args.chain } : {}),
  }
  const answer = args.stream
    ? factory.streamWithFailover(prompt, options)
    : factory.generateWithFailover(prompt, options)
  return writeAnswer(io, args, answer, true)
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
