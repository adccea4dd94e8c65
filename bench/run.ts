// `npm run bench`: factory overhead against the raw SDKs, measured in one run against loopback fakes.
import { Ollama } from 'ollama'
import { createLlmFactory } from '../src/main/services/factory'
import { measureCliStartup } from './cli-startup'
import { benchRunnerFigures } from './bench-runner'
import { startFakeOllama } from '../test/fakes/ollama-server'
import { makeWorkspace } from '../test/helpers/workspace'
import { benchFailover } from './failover'

interface Figure {
  name: string
  value: number
  unit: string
  target: number
  baseline?: string
}

const CALLS = Number(process.env.BENCH_CALLS ?? 2000)
const ROUNDS = 8

async function timeIt(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < calls; i++) await fn()
  return performance.now() - start
}

/** Alternates A and B in rounds so machine noise hits both alike; returns total ms of each. */
async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, calls: number) {
  const per = Math.ceil(calls / ROUNDS)
  let totalA = 0
  let totalB = 0
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      totalA += await timeIt(a, per)
      totalB += await timeIt(b, per)
    } else {
      totalB += await timeIt(b, per)
      totalA += await timeIt(a, per)
    }
  }
  return { a: totalA / (per * ROUNDS), b: totalB / (per * ROUNDS) }
}

async function firstTokenMs(stream: () => AsyncIterable<unknown>): Promise<number> {
  const start = performance.now()
  let first = 0
  for await (const _ of stream()) {
    first ||= performance.now() - start
  }
  return first
}

async function main(): Promise<void> {
  const fake = await startFakeOllama({ models: ['phi3:mini'] })
  const workspace = makeWorkspace({})
  const factory = createLlmFactory({ workspace, env: {} })
  const args = { provider: 'ollama', model: 'phi3:mini', baseUrl: fake.url }
  const handler = await factory.createLlmHandler(args)
  const raw = new Ollama({ host: fake.url })
  const messages = [{ role: 'user', content: 'hello bench' }]
  const viaFactory = () => handler.generateText('hello bench')
  const viaSdk = () => raw.chat({ model: 'phi3:mini', messages, stream: false })
  const figures: Figure[] = []

  await interleaved(viaFactory, viaSdk, 200) // warm-up: JIT, sockets
  const gen = await interleaved(viaFactory, viaSdk, CALLS)
  figures.push({
    name: `generateText vs raw ollama.chat (${CALLS} calls each)`,
    value: gen.a / gen.b,
    unit: `ratio (factory ${gen.a.toFixed(3)} ms, SDK ${gen.b.toFixed(3)} ms per call)`,
    target: 1.05,
  })

  const streams = 300
  let factoryFirst = 0
  let sdkFirst = 0
  for (let i = 0; i < streams; i++) {
    factoryFirst += await firstTokenMs(() => handler.streamText('hello bench'))
    sdkFirst += await firstTokenMs(() =>
      // The SDK's stream is an AbortableAsyncIterator; wrap it so both sides are plain iterables.
      (async function* () {
        yield* await raw.chat({ model: 'phi3:mini', messages, stream: true })
      })(),
    )
  }
  const overhead = (factoryFirst - sdkFirst) / streams
  figures.push({
    name: `stream first-token overhead (${streams} streams)`,
    value: overhead,
    unit: `ms (factory ${(factoryFirst / streams).toFixed(3)} ms, SDK ${(sdkFirst / streams).toFixed(3)} ms)`,
    target: 1,
  })

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

  for (const f of figures) {
    const verdict = f.value <= f.target ? 'ok' : 'OVER TARGET'
    console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit} — target ≤ ${f.target} — ${verdict}`)
  }
}

await main()
