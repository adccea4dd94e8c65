// The factory's cost over the raw SDKs (ollama, groq-sdk, openai) on a cheap loopback fake: calls, first token, deltas.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import Groq from 'groq-sdk'
import { Ollama } from 'ollama'
import OpenAI from 'openai'
import { createLlmFactory } from '../src/main/services/factory'
import type { LlmHandler } from '../src/main/services/factory'
import { makeWorkspace } from '../test/helpers/workspace'
import type { CheapFake } from './cheap-fake'
import { startCheapFake } from './cheap-fake'
import type { Cost, Figure, Rounds } from './interleave'
import {
  allocatedPerCall,
  cpuMs,
  interleavedRounds,
  interleavedSamples,
  median,
  medianDelta,
  medianRatio,
} from './interleave'

/** Rounds of non-streamed calls in all, spread over PROCESSES fresh processes; calls per arm a round. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24)
const CALLS = Number(process.env.BENCH_BLOCK ?? 200)
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3)
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 20)
const STREAM_CALLS = Number(process.env.BENCH_STREAM_BLOCK ?? 15)
const DELTAS = Number(process.env.BENCH_DELTAS ?? 50_000)
const DELTA_ROUNDS = Number(process.env.BENCH_DELTA_ROUNDS ?? 4)
const PROMPT = 'hello bench'
const KEY = 'bench-key'

/** One protocol: how the raw SDK is called (plain and streamed) and the factory's handler for it. */
interface Subject {
  protocol: 'ollama' | 'groq' | 'openai'
  label: string
  raw: () => { generate: () => Promise<unknown>; stream: () => Promise<AsyncIterable<unknown>> }
  handler: LlmHandler
}

async function subjects(url: string): Promise<Subject[]> {
  const factory = createLlmFactory({ workspace: makeWorkspace({}), env: {} })
  const messages = [{ role: 'user' as const, content: PROMPT }]
  const handler = (provider: string, model: string, baseUrl: string, apiKey?: string) =>
    factory.createLlmHandler({ provider, model, baseUrl, ...(apiKey ? { apiKey } : {}) })
  const ollamaModel = 'phi3:mini'
  const groqModel = 'llama-3.1-8b-instant'
  const openAiModel = 'gpt-4o-mini'
  return [
    {
      protocol: 'ollama',
      label: 'raw ollama.chat',
      raw: () => {
        const sdk = new Ollama({ host: url })
        return {
          generate: () => sdk.chat({ model: ollamaModel, messages, stream: false }),
          stream: () => sdk.chat({ model: ollamaModel, messages, stream: true }),
        }
      },
      handler: await handler('ollama', ollamaModel, url),
    },
    {
      protocol: 'groq',
      label: 'raw groq-sdk',
      raw: () => {
        const sdk = new Groq({ apiKey: KEY, baseURL: url })
        return {
          generate: () => sdk.chat.completions.create({ model: groqModel, messages }),
          stream: () => sdk.chat.completions.create({ model: groqModel, messages, stream: true }),
        }
      },
      handler: await handler('groq', groqModel, `${url}/openai/v1`, KEY),
    },
    {
      protocol: 'openai',
      label: 'raw openai SDK',
      raw: () => {
        const sdk = new OpenAI({ apiKey: KEY, baseURL: `${url}/v1` })
        return {
          generate: () => sdk.chat.completions.create({ model: openAiModel, messages }),
          stream: () => sdk.chat.completions.create({ model: openAiModel, messages, stream: true }),
        }
      },
      handler: await handler('openai', openAiModel, `${url}/v1`, KEY),
    },
  ]
}

type Open = () => Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>

/** Wall and CPU milliseconds from the call to its first item; the rest is read to the end. */
async function firstItem(open: Open): Promise<Cost> {
  const cpu = cpuMs()
  const start = performance.now()
  let first: Cost | undefined
  for await (const _ of await open())
    first ??= { wall: performance.now() - start, cpu: cpuMs() - cpu }
  if (!first) throw new Error('the stream brought nothing')
  return first
}

/** Wall and CPU milliseconds to read a whole stream. */
async function drain(open: Open): Promise<Cost> {
  const cpu = cpuMs()
  const start = performance.now()
  for await (const _ of await open());
  return { wall: performance.now() - start, cpu: cpuMs() - cpu }
}

const fmt = (ms: number) => ms.toFixed(3)

type CallArm = 'rawA' | 'factory' | 'rawB'

/** One process's rounds of non-streamed calls for one protocol, and what a call allocates. */
interface CallRounds {
  protocol: Subject['protocol']
  label: string
  rounds: Rounds<CallArm>
  /** Median bytes allocated per call (young generation), factory and raw SDK. */
  allocated: { factory: number; raw: number }
}

async function measureCalls(s: Subject, rounds: number): Promise<CallRounds> {
  const rawA = s.raw()
  const rawB = s.raw()
  const factory = () => s.handler.generateText(PROMPT)
  const arms = { rawA: rawA.generate, factory, rawB: rawB.generate }
  await interleavedRounds(arms, 3, 50) // warm-up: JIT, sockets
  const measured = await interleavedRounds(arms, rounds, CALLS)
  const allocated = {
    factory: await allocatedPerCall(factory, 500),
    raw: await allocatedPerCall(rawA.generate, 500),
  }
  return { protocol: s.protocol, label: s.label, rounds: measured, allocated }
}

const CHILD_FLAG = 'BENCH_CALLS_CHILD'

/**
 * The call rounds measured in `PROCESSES` fresh processes one after another, pooled: where V8 puts
 * code and objects differs from process to process and moves the factory ÷ raw figure by about a
 * percent, more than the rounds within one process do (see the A/A figure).
 */
function pooledCallRounds(): CallRounds[] {
  const perProcess = Math.ceil(ROUNDS / PROCESSES)
  const pooled = new Map<string, CallRounds>()
  for (let i = 0; i < PROCESSES; i++) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url)],
      {
        env: { ...process.env, [CHILD_FLAG]: String(perProcess) },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    )
    if (child.status !== 0) throw new Error(`call rounds process failed: ${child.stderr}`)
    for (const rounds of JSON.parse(child.stdout) as CallRounds[]) {
      const seen = pooled.get(rounds.protocol)
      if (!seen) {
        pooled.set(rounds.protocol, rounds)
        continue
      }
      for (const kind of ['cpu', 'wall'] as const) {
        for (const arm of ['rawA', 'factory', 'rawB'] as const) {
          seen.rounds[kind][arm].push(...rounds.rounds[kind][arm])
        }
      }
      seen.allocated.factory += rounds.allocated.factory
      seen.allocated.raw += rounds.allocated.raw
    }
  }
  // Allocation was summed over the processes: their mean.
  for (const rounds of pooled.values()) {
    rounds.allocated.factory /= PROCESSES
    rounds.allocated.raw /= PROCESSES
  }
  return [...pooled.values()]
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1)

function callFigures({ label, rounds, allocated }: CallRounds): Figure[] {
  const { cpu, wall } = rounds
  const count = `${cpu.factory.length} rounds of ${CALLS} calls in ${PROCESSES} processes`
  return [
    {
      name: `${label}: generateText ÷ raw (${count})`,
      value: medianRatio(cpu.factory, cpu.rawA),
      unit:
        `CPU-time ratio (factory ${fmt(median(cpu.factory))} ms, SDK ${fmt(median(cpu.rawA))} ms ` +
        `per call; wall-clock ratio ${medianRatio(wall.factory, wall.rawA).toFixed(3)}; ` +
        `allocated per call ${kB(allocated.factory)} kB vs ${kB(allocated.raw)} kB)`,
      target: 1.03,
    },
    {
      name: `${label}: A/A raw ÷ raw, the noise`,
      value: medianRatio(cpu.rawB, cpu.rawA),
      unit: `CPU-time ratio (wall-clock ${medianRatio(wall.rawB, wall.rawA).toFixed(3)})`,
      target: 1.03,
    },
  ]
}

async function firstTokenFigure(s: Subject): Promise<Figure> {
  const raw = s.raw()
  const arms = {
    raw: () => firstItem(raw.stream),
    factory: () => firstItem(() => s.handler.streamText(PROMPT)),
  }
  await interleavedSamples(arms, 2, 20)
  // Per round the median stream: a collection pause landing in one stream would swamp a mean.
  const { wall, cpu } = await interleavedSamples(arms, STREAM_ROUNDS, STREAM_CALLS, median)
  return {
    name: `${s.label}: stream first-token overhead (${STREAM_ROUNDS}×${STREAM_CALLS} streams)`,
    value: medianDelta(cpu.factory, cpu.raw),
    unit:
      `CPU ms (factory ${fmt(median(cpu.factory))} ms, SDK ${fmt(median(cpu.raw))} ms; ` +
      `wall-clock overhead ${fmt(medianDelta(wall.factory, wall.raw))} ms)`,
    target: 0.25,
  }
}

async function perDeltaFigure(s: Subject): Promise<Figure> {
  const raw = s.raw()
  const arms = {
    raw: () => drain(raw.stream),
    factory: () => drain(() => s.handler.streamText(PROMPT)),
  }
  await interleavedSamples(arms, 1, 1)
  const { wall, cpu } = await interleavedSamples(arms, DELTA_ROUNDS, 1)
  const us = (ms: number) => ((ms * 1000) / DELTAS).toFixed(2)
  return {
    name: `${s.label}: per-delta overhead (${DELTAS} deltas, ${DELTA_ROUNDS} rounds)`,
    value: (medianDelta(cpu.factory, cpu.raw) * 1000) / DELTAS,
    unit:
      `CPU µs per delta (the SDK's iterator alone ${us(median(cpu.raw))} µs; ` +
      `wall-clock overhead ${us(medianDelta(wall.factory, wall.raw))} µs)`,
    // Set from measurement: a fraction of what the SDKs' own iterators spend per delta.
    target: 5,
  }
}
/** `BENCH_PARTS=calls,first,deltas` (default all) and `BENCH_PROTOCOLS=ollama,groq,openai` narrow a run. */
const PARTS = (process.env.BENCH_PARTS ?? 'calls,first,deltas').split(',')
const PROTOCOLS = (process.env.BENCH_PROTOCOLS ?? 'ollama,groq,openai').split(',')

/** Runs `each` on every protocol BENCH_PROTOCOLS names, in order, against one cheap fake. */
async function forEachSubject(each: (s: Subject, fake: CheapFake) => Promise<void>): Promise<void> {
  const fake = await startCheapFake()
  try {
    for (const s of await subjects(fake.url)) {
      if (PROTOCOLS.includes(s.protocol)) await each(s, fake)
    }
  } finally {
    await fake.close()
  }
}

export async function benchFactoryOverhead(): Promise<Figure[]> {
  const figures: Figure[] = []
  const calls = PARTS.includes('calls') ? pooledCallRounds() : []
  await forEachSubject(async (s, fake) => {
    const measured = calls.find((c) => c.protocol === s.protocol)
    if (measured) figures.push(...callFigures(measured))
    if (PARTS.includes('first')) figures.push(await firstTokenFigure(s))
    if (!PARTS.includes('deltas')) return
    fake.setStreamDeltas(DELTAS)
    figures.push(await perDeltaFigure(s))
    fake.setStreamDeltas(3)
  })
  return figures
}

/** In a child process: this process's call rounds, as JSON on stdout. */
async function childCallRounds(rounds: number): Promise<void> {
  const out: CallRounds[] = []
  await forEachSubject(async (s) => {
    out.push(await measureCalls(s, rounds))
  })
  process.stdout.write(JSON.stringify(out))
}

if (process.env[CHILD_FLAG]) {
  await childCallRounds(Number(process.env[CHILD_FLAG]))
} else if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchFactoryOverhead()) {
    console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit} — target ≤ ${f.target}`)
  }
}
