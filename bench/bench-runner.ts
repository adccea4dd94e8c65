// `npm run bench` (bench part): the bench runner's own cost per call against calling the handler directly.
import { runBench } from '../src/main/services/bench'
import type { BenchSuite } from '../src/shared/bench'
import { suiteSchema } from '../src/shared/bench'
import { createLlmFactory } from '../src/main/services/factory'
import { makeWorkspace } from '../test/helpers/workspace'

export interface BenchFigure {
  name: string
  value: number
  unit: string
  target: number
}

const CALLS = Number(process.env.BENCH_RUNNER_CALLS ?? 1000)
const ROUNDS = 8

/** Alternates the three ways in rounds so machine noise hits them alike; ms per call of each. */
async function perCall(ways: (() => Promise<unknown>)[], callsPerRound: number) {
  const totals = ways.map(() => 0)
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ways.map((_, i) => i) : ways.map((_, i) => i).reverse()
    for (const i of order) {
      const start = performance.now()
      await ways[i]!()
      totals[i]! += performance.now() - start
    }
  }
  return totals.map((t) => t / (callsPerRound * ROUNDS))
}

export async function benchRunnerFigures(): Promise<BenchFigure[]> {
  // The Mock answers in-process: no network noise, so what differs is the code around the call.
  {
    const factory = createLlmFactory({ workspace: makeWorkspace({}), env: {} })
    const handler = await factory.createLlmHandler({ provider: 'mock', model: 'mock-model' })
    const per = Math.ceil(CALLS / ROUNDS)
    // One model, one call at a time: what is left besides the call itself is the runner.
    const suite: BenchSuite = suiteSchema.parse({
      name: 'overhead',
      task_type: 'simple_chat',
      models: ['mock/mock-model'],
      concurrency: 1,
      repeats: per,
      cases: [{ prompt: 'hello bench', checks: [{ type: 'contains', value: 'hello' }] }],
    })
    const targets = [{ model: 'mock/mock-model', modelName: 'mock-model', handler }]
    const viaRunner = () => runBench({ suite, targets })
    const viaGenerate = async () => {
      for (let i = 0; i < per; i++) await handler.generateText('hello bench')
    }
    const viaStream = async () => {
      for (let i = 0; i < per; i++) for await (const _ of handler.streamText('hello bench'));
    }
    await perCall([viaRunner, viaGenerate, viaStream], per) // warm-up: JIT, sockets
    const [runner, generate, stream] = await perCall([viaRunner, viaGenerate, viaStream], per)
    return [
      {
        name: `bench runner overhead vs direct generateText (${per * ROUNDS} calls each, Mock)`,
        value: runner! - generate!,
        unit: `ms per call (runner ${runner!.toFixed(3)} ms, generateText ${generate!.toFixed(3)} ms)`,
        target: 1,
      },
      {
        name: 'bench runner overhead vs direct streamText (what it calls, for first-token time)',
        value: runner! - stream!,
        unit: `ms per call (streamText ${stream!.toFixed(3)} ms)`,
        target: 1,
      },
    ]
  }
}
