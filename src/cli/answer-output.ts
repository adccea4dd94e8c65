// How `generate` sends and prints an answer, direct or failed over: its options, text or JSON, the route.
import { formatRoute } from '../shared/failover'
import type { GenerateResult, StreamEvent } from '../shared/llm'
import type { CliArgs } from './args'

interface Out {
  out: (text: string) => void
  err: (text: string) => void
}

/** The call options the CLI's flags set. */
export function callOptions(args: CliArgs, signal: AbortSignal | undefined) {
  return {
    system: args.system,
    maxTokens: args.maxTokens,
    temperature: args.temperature,
    jsonMode: args.jsonMode,
    signal,
  }
}

/**
 * Prints a whole answer (its text, or the result as JSON) or a stream (deltas, then a newline or the
 * result as JSON); with `showRoute`, the attempts that failed before it go to stderr as a route.
 */
export async function writeAnswer(
  io: Out,
  args: Pick<CliArgs, 'json'>,
  answer: Promise<GenerateResult> | AsyncIterable<StreamEvent>,
  showRoute: boolean,
): Promise<0> {
  const route = (result: Omit<GenerateResult, 'text'>) => {
    if (showRoute && result.attempts?.length) {
      io.err(`route: ${formatRoute(result.attempts, result)}\n`)
    }
  }
  if (answer instanceof Promise) {
    const result = await answer
    io.out(args.json ? JSON.stringify(result) + '\n' : result.text + '\n')
    route(result)
    return 0
  }
  for await (const event of answer) {
    if (event.type === 'delta') {
      if (!args.json) io.out(event.text)
      continue
    }
    const { type: _type, ...result } = event
    io.out(args.json ? JSON.stringify(result) + '\n' : '\n')
    route(result)
  }
  return 0
}
