// Interleaved rounds: every arm runs a block per round in a rotating order, so machine noise hits all alike.
import { getHeapSpaceStatistics } from 'node:v8'

export interface Figure {
  name: string
  value: number
  unit: string
  target: number
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** This process's CPU milliseconds (user + system): what one arm cost, whoever else shares the cores. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** One turn of the event loop: what the last call queued (I/O callbacks, microtasks) has run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface Cost {
  /** Wall-clock milliseconds per call. */
  wall: number
  /** CPU milliseconds per call (the loopback fake runs in this process too, so it is in both arms). */
  cpu: number
}

export type Rounds<K extends string> = Record<'wall' | 'cpu', Record<K, number[]>>

/**
 * `rounds` rounds of `calls` calls per arm, the arms taking turns call by call (the order rotating
 * each round) so a busy moment on a shared machine hits every arm alike; returns each arm's median
 * per-call cost in every round (index = round), so ratios can be taken per round.
 *
 * Each call is measured from a settled event loop to a settled event loop (a macrotask turn before
 * and after), so the work a call leaves queued (socket reads, cleanup) is billed to that call and
 * not to whichever arm happens to run next. The per-round median leaves out the calls a garbage
 * collection pause landed in (a few in a hundred, several milliseconds each, on whichever arm was
 * running): those pauses would otherwise dominate a round's figure. What each arm allocates, which
 * those pauses are made of, is reported beside it (see allocatedPerCall).
 */
export async function interleavedRounds<K extends string>(
  arms: Record<K, () => Promise<unknown>>,
  rounds: number,
  calls: number,
): Promise<Rounds<K>> {
  const measured = Object.fromEntries(
    Object.entries<() => Promise<unknown>>(arms).map(([name, fn]) => [
      name,
      async (): Promise<Cost> => {
        await settle()
        const cpu = cpuMs()
        const start = performance.now()
        await fn()
        const wall = performance.now() - start
        await settle()
        return { wall, cpu: cpuMs() - cpu }
      },
    ]),
  ) as Record<K, () => Promise<Cost>>
  return interleavedSamples(measured, rounds, calls, median)
}

/** The median over rounds of a / b, each round's pair measured side by side. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!))
}

/** The median over rounds of a − b. */
export function medianDelta(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value - b[i]!))
}

/**
 * Like interleavedRounds for arms that measure themselves (e.g. the time to a stream's first token):
 * each round's figure is `perRound` (the mean unless given) of what the arm's calls returned.
 */
export async function interleavedSamples<K extends string>(
  arms: Record<K, () => Promise<Cost>>,
  rounds: number,
  calls: number,
  perRound: (values: readonly number[]) => number = mean,
): Promise<Rounds<K>> {
  const names = Object.keys(arms) as K[]
  const empty = () =>
    Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>
  const out: Rounds<K> = { wall: empty(), cpu: empty() }
  for (let round = 0; round < rounds; round++) {
    const shift = round % names.length
    const order = [...names.slice(shift), ...names.slice(0, shift)]
    if (round % 2 === 1) order.reverse()
    const costs: Rounds<K> = { wall: empty(), cpu: empty() }
    for (let i = 0; i < calls; i++) {
      for (const name of order) {
        const cost = await arms[name]()
        costs.wall[name].push(cost.wall)
        costs.cpu[name].push(cost.cpu)
      }
    }
    for (const name of names) {
      out.wall[name].push(perRound(costs.wall[name]))
      out.cpu[name].push(perRound(costs.cpu[name]))
    }
  }
  return out
}

export function mean(values: readonly number[]): number {
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

function youngGenerationBytes(): number {
  return (
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0
  )
}

/**
 * Median bytes one call allocates in the young generation (where short-lived objects go), less what
 * measuring costs; calls during which a collection ran (the space shrank) are left out.
 */
export async function allocatedPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const sample = async (f: () => Promise<unknown>) => {
    const deltas: number[] = []
    for (let i = 0; i < calls; i++) {
      const before = youngGenerationBytes()
      await f()
      const after = youngGenerationBytes()
      if (after >= before) deltas.push(after - before)
    }
    return median(deltas)
  }
  const nothing = () => Promise.resolve()
  return (await sample(fn)) - (await sample(nothing))
}
