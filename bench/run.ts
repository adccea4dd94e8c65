// `npm run bench`: factory overhead against the raw SDKs, measured in one run against loopback fakes.
import { Ollama } from 'ollama'
import { createLlmFactory } from '../src/main/services/factory'
import { measureCliStartup } from './cli-startup'
import { benchRunnerFigures } from './bench-runner'
import { startFakeOllama } from '../test/fakes/ollama-server'
import { makeWorkspace } from '../test/helpers/workspace'
import { benchFailover } from './failover'
import { benchFactoryOverhead } from './factory-overhead'

interface Figure {
  name: string
  value: number
  unit: string
  target: number
  baseline?: string
}

async function timeIt(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < calls; i++) await fn()
  return performance.now() - start
}

async function main(): Promise<void> {
  const fake = await startFakeOllama({ models: ['phi3:mini'] })
  const workspace = makeWorkspace({})
  const factory = createLlmFactory({ workspace, env: {} })
  const args = { provider: 'ollama', model: 'phi3:mini', baseUrl: fake.url }
  const figures: Figure[] = []

  const resolves = 20_000
  await timeIt(() => factory.resolve(args), 1000)
  const resolveMs = (await timeIt(() => factory.resolve(args), resolves)) / resolves
  const constructMs =
    (await timeIt(() => Promise.resolve(new Ollama({ host: fake.url })), resolves)) / resolves
  figures.push({
    name: `cached resolve (${resolves} calls)`,
    value: resolveMs,
    unit: `ms per call (${(resolveMs / constructMs).toFixed(2)}× the cost of constructing one Ollama client)`,
    target: 0.2,
  })

  await fake.close()
  figures.push(...measureCliStartup())
  figures.push(...(await benchRunnerFigures()))
  figures.push(await benchFailover())
  figures.push(...benchFactoryOverhead())

  for (const f of figures) {
    const verdict = f.value <= f.target ? 'ok' : 'OVER TARGET'
    console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit} — target ≤ ${f.target} — ${verdict}`)
  }
}

await main()
