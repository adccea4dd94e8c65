// The factory's cost over the raw SDKs (ollama, groq-sdk, openai) on a cheap loopback fake: calls, first token, deltas.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'
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
/**
 * Rounds each process runs before it measures: the factory's path reaches its steady state after
 * about 1,500 calls (its first rounds read 1.02–1.05× on the same transport, later ones 1.01×).
 */
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 8)
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3)
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 20)
const STREAM_CALLS = Number(process.env.BENCH_STREAM_BLOCK ?? 15)
const DELTAS = Number(process.env.BENCH_DELTAS ?? 50_000)
const DELTA_ROUNDS = Number(process.env.BENCH_DELTA_ROUNDS ?? 4)
const PROMPT = 'hello bench'
const KEY = 'bench-key'

/**
 * One protocol: how the raw SDK is called (plain and streamed) and the factory's handler for it.
 * `raw(transport)` builds the SDK with its own defaults, or sending through `sameTransport`.
 */
interface Subject {
  protocol: 'ollama' | 'groq' | 'openai'
  label: string
  raw: (transport?: typeof fetch) => {
    generate: () => Promise<unknown>
    stream: () => Promise<AsyncIterable<unknown>>
  }
  handler: LlmHandler
}

/**
 * The raw SDK given the transport the factory gives its SDKs (redirects refused, sparing Node's
 * per-request clone: see providerFetch), so the factory's own layers are compared on equal terms.
 */
const sameTransport: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'error' })

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
      raw: (transport) => {
        const sdk = new Ollama({ host: url, fetch: transport })
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
      raw: (transport) => {
        const sdk = new Groq({ apiKey: KEY, baseURL: url, fetch: transport })
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
      raw: (transport) => {
        const sdk = new OpenAI({ apiKey: KEY, baseURL: `${url}/v1`, fetch: transport })
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

/**
 * The call comparisons, each measured in processes of its own. In one process, the arms whose fetch
 * clones every request (the SDKs as they come) slow the arms whose fetch does not, the factory's
 * more: its own layers read 1.04–1.05× beside them and 1.01–1.02× apart.
 */
const CALL_SETS = {
  /** The factory against the raw SDK as it comes, and the raw SDK against itself (the noise). */
  sdk: ['rawA', 'factory', 'rawB'],
  /** The factory against the raw SDK given the factory's transport: what its own layers cost. */
  layers: ['factory', 'sameTransport'],
} as const
type CallSet = keyof typeof CALL_SETS

/** One set's rounds of non-streamed calls for one protocol, and what a call allocates. */
interface CallRounds {
  protocol: Subject['protocol']
  label: string
  rounds: Rounds<string>
  /** Median bytes allocated per call (young generation), by arm. */
  allocated: Record<string, number>
}

function callArms(s: Subject, set: CallSet): Record<string, () => Promise<unknown>> {
  const factory = () => s.handler.generateText(PROMPT)
  if (set === 'layers') return { factory, sameTransport: s.raw(sameTransport).generate }
  return { rawA: s.raw().generate, factory, rawB: s.raw().generate }
}

async function measureCalls(s: Subject, set: CallSet, rounds: number): Promise<CallRounds> {
  const arms = callArms(s, set)
  await interleavedRounds(arms, WARMUP_ROUNDS, CALLS) // warm-up: JIT, sockets
  const measured = await interleavedRounds(arms, rounds, CALLS)
  const allocated: Record<string, number> = {}
  for (const [name, call] of Object.entries(arms)) {
    allocated[name] = await allocatedPerCall(call, 500)
  }
  return { protocol: s.protocol, label: s.label, rounds: measured, allocated }
}

const CHILD_FLAG = 'BENCH_CHILD'
const BUNDLE = fileURLToPath(new URL('../.cache/bench/factory-overhead.mjs', import.meta.url))

/**
 * This file bundled as the app's code ships (serve mode and the CLI run an esbuild bundle, Electron
 * a Rollup one; the SDKs stay in node_modules): run module by module through tsx, the factory's
 * many small modules cost it one to two percent more than they cost anyone who runs the app.
 */
function bundle(): string {
  buildSync({
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  })
  return BUNDLE
}

/** Runs the bundle in a fresh process in one of its child modes; what it printed, parsed. */
function runChild<T>(bundled: string, mode: string): T {
  const child = spawnSync(process.execPath, [bundled], {
    env: { ...process.env, [CHILD_FLAG]: mode },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (child.status !== 0) throw new Error(`bench process (${mode}) failed: ${child.stderr}`)
  return JSON.parse(child.stdout) as T
}

/**
 * Each set's call rounds measured in `PROCESSES` fresh processes (the sets taking turns), pooled:
 * where V8 puts code and objects differs from process to process and moves the factory ÷ raw
 * figure by about a percent, more than the rounds within one process do (see the A/A figure).
 */
function pooledCallRounds(bundled: string): Record<CallSet, Map<string, CallRounds>> {
  const perProcess = Math.ceil(ROUNDS / PROCESSES)
  const pooled: Record<CallSet, Map<string, CallRounds>> = { sdk: new Map(), layers: new Map() }
  const sets = Object.keys(CALL_SETS) as CallSet[]
  for (let i = 0; i < PROCESSES; i++) {
    for (const set of sets) {
      for (const rounds of runChild<CallRounds[]>(bundled, `calls:${set}:${perProcess}`)) {
        const seen = pooled[set].get(rounds.protocol)
        if (!seen) {
          pooled[set].set(rounds.protocol, rounds)
          continue
        }
        for (const arm of CALL_SETS[set]) {
          seen.rounds.cpu[arm]!.push(...rounds.rounds.cpu[arm]!)
          seen.rounds.wall[arm]!.push(...rounds.rounds.wall[arm]!)
          seen.allocated[arm]! += rounds.allocated[arm]!
        }
      }
    }
  }
  // Allocation was summed over the processes: their mean.
  for (const set of sets) {
    for (const rounds of pooled[set].values()) {
      for (const arm of CALL_SETS[set]) rounds.allocated[arm]! /= PROCESSES
    }
  }
  return pooled
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1)

/** What one arm's rounds are, read from a set's rounds (each arm is measured in every round). */
function arm(rounds: CallRounds, name: string): { cpu: number[]; wall: number[]; kB: string } {
  return {
    cpu: rounds.rounds.cpu[name]!,
    wall: rounds.rounds.wall[name]!,
    kB: kB(rounds.allocated[name]!),
  }
}

function callFigures(sdk: CallRounds, layers: CallRounds): Figure[] {
  const [rawA, rawB, factory] = [arm(sdk, 'rawA'), arm(sdk, 'rawB'), arm(sdk, 'factory')]
  const [lean, factoryLean] = [arm(layers, 'sameTransport'), arm(layers, 'factory')]
  const count = (rounds: number[]) =>
    `${rounds.length} rounds of ${CALLS} calls in ${PROCESSES} processes`
  return [
    {
      name: `${sdk.label}: generateText ÷ raw (${count(factory.cpu)})`,
      value: medianRatio(factory.cpu, rawA.cpu),
      unit:
        `CPU-time ratio (factory ${fmt(median(factory.cpu))} ms, SDK ${fmt(median(rawA.cpu))} ms ` +
        `per call; wall-clock ratio ${medianRatio(factory.wall, rawA.wall).toFixed(3)}; ` +
        `allocated per call ${factory.kB} kB vs ${rawA.kB} kB)`,
      target: 1.03,
    },
    {
      name: `${sdk.label}: generateText ÷ raw on the factory's transport, its own layers (${count(factoryLean.cpu)})`,
      value: medianRatio(factoryLean.cpu, lean.cpu),
      unit:
        `CPU-time ratio (the SDK sending with redirect: 'error' ${fmt(median(lean.cpu))} ms per ` +
        `call; wall-clock ratio ${medianRatio(factoryLean.wall, lean.wall).toFixed(3)}; ` +
        `allocated per call ${factoryLean.kB} kB vs ${lean.kB} kB)`,
      target: 1.03,
    },
    {
      name: `${sdk.label}: A/A raw ÷ raw, the noise`,
      value: medianRatio(rawB.cpu, rawA.cpu),
      unit: `CPU-time ratio (wall-clock ${medianRatio(rawB.wall, rawA.wall).toFixed(3)})`,
      target: 1.03,
    },
  ]
}

/** Against the raw SDK on the factory's transport: the first token's cost of the factory's own layers. */
async function firstTokenFigure(s: Subject): Promise<Figure> {
  const raw = s.raw(sameTransport)
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
  const raw = s.raw(sameTransport)
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

export function benchFactoryOverhead(): Figure[] {
  const bundled = bundle()
  const calls = PARTS.includes('calls') ? pooledCallRounds(bundled) : undefined
  const streams =
    PARTS.includes('first') || PARTS.includes('deltas')
      ? runChild<StreamFigures[]>(bundled, 'streams')
      : []
  return PROTOCOLS.flatMap((protocol) => {
    const sdk = calls?.sdk.get(protocol)
    const layers = calls?.layers.get(protocol)
    return [
      ...(sdk && layers ? callFigures(sdk, layers) : []),
      ...(streams.find((s) => s.protocol === protocol)?.figures ?? []),
    ]
  })
}

/** One protocol's stream figures, from a child process. */
interface StreamFigures {
  protocol: Subject['protocol']
  figures: Figure[]
}

/** In a child process: this process's rounds of one set of calls, as JSON on stdout. */
async function childCallRounds(set: CallSet, rounds: number): Promise<void> {
  const out: CallRounds[] = []
  await forEachSubject(async (s) => {
    out.push(await measureCalls(s, set, rounds))
  })
  process.stdout.write(JSON.stringify(out))
}

/** In a child process: first-token and per-delta figures, as JSON on stdout. */
async function childStreamFigures(): Promise<void> {
  const out: StreamFigures[] = []
  await forEachSubject(async (s, fake) => {
    const figures: Figure[] = []
    if (PARTS.includes('first')) figures.push(await firstTokenFigure(s))
    if (PARTS.includes('deltas')) {
      fake.setStreamDeltas(DELTAS)
      figures.push(await perDeltaFigure(s))
      fake.setStreamDeltas(3)
    }
    out.push({ protocol: s.protocol, figures })
  })
  process.stdout.write(JSON.stringify(out))
}

const childMode = process.env[CHILD_FLAG]
if (childMode?.startsWith('calls:')) {
  const [, set, rounds] = childMode.split(':')
  await childCallRounds(set as CallSet, Number(rounds))
} else if (childMode === 'streams') {
  await childStreamFigures()
} else if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of benchFactoryOverhead()) {
    console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit} — target ≤ ${f.target}`)
  }
}
