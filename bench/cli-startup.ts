// CLI start-up: `npm run --silent cli -- resolve` and `node scripts/cli.mjs resolve` against `node -e 0` and npm's own start, interleaved in one run.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const WORKSPACE = join(ROOT, 'test', 'fixtures', 'mindx-public-checkout')
const MAX_ROUNDS = Number(process.env.BENCH_CLI_RUNS ?? 15)
const MIN_ROUNDS = Math.min(3, MAX_ROUNDS)
/** No new round past this (warm-up included), so a loaded machine still finishes in bounded time. */
const BUDGET_MS = 25_000
const BUDGET_MS_PER_CALL = 150

interface Command {
  label: string
  file: string
  args: string[]
}

const node = (...args: string[]): Command => ({
  label: `node ${args.join(' ')}`,
  file: process.execPath,
  args,
})
const npm = (...args: string[]): Command => ({ label: `npm ${args.join(' ')}`, file: 'npm', args })
const resolveArgs = ['resolve', '--workspace', WORKSPACE]

const BARE = node('-e', '0')
/** The `noop` script is `node -e 0`: what any `npm run` of a node script costs before its code. */
const NPM_NOOP = npm('run', '--silent', 'noop')
const DIRECT = { ...node('scripts/cli.mjs', ...resolveArgs), label: 'node scripts/cli.mjs resolve' }
const NPM_CLI = {
  ...npm('run', '--silent', 'cli', '--', ...resolveArgs),
  label: 'npm run --silent cli -- resolve',
}
const COMMANDS = [BARE, NPM_NOOP, DIRECT, NPM_CLI]

function wallMs(command: Command): number {
  const start = performance.now()
  const result = spawnSync(command.file, command.args, { cwd: ROOT, encoding: 'utf8' })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${command.label} failed: ${result.stderr}`)
  return ms
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Figure {
  name: string
  value: number
  unit: string
  target: number
}

/** Median wall time of each command; each round starts the list at a different command. */
function medians(): { ms: Map<Command, number>; rounds: number } {
  const start = performance.now()
  for (const command of COMMANDS) wallMs(command) // warm-up: builds the CLI bundle if stale
  const times = new Map(COMMANDS.map((command) => [command, [] as number[]]))
  let rounds = 0
  while (rounds < MAX_ROUNDS && (rounds < MIN_ROUNDS || performance.now() - start < BUDGET_MS)) {
    for (let i = 0; i < COMMANDS.length; i++) {
      const command = COMMANDS[(rounds + i) % COMMANDS.length]!
      times.get(command)!.push(wallMs(command))
    }
    rounds++
  }
  return { ms: new Map([...times].map(([command, values]) => [command, median(values)])), rounds }
}

/** The start-up figures: npm's run against the 150 ms goal, and our own part against bare node. */
export function measureCliStartup(): Figure[] {
  const { ms, rounds } = medians()
  const [bare, noop, direct, npmCli] = COMMANDS.map((command) => ms.get(command)!)
  const f = (value: number) => `${value.toFixed(0)} ms`
  const npmAlone = noop! - bare!
  return [
    {
      name: `CLI start-up, ${NPM_CLI.label} (median of ${rounds} interleaved rounds)`,
      value: npmCli!,
      unit: `ms wall; floor: ${NPM_NOOP.label} (its script is ${BARE.label}) ${f(noop!)}, npm's own start ${f(npmAlone)} = ${((npmAlone / BUDGET_MS_PER_CALL) * 100).toFixed(0)}% of the ${BUDGET_MS_PER_CALL} ms goal; the CLI is ${(npmCli! / noop!).toFixed(2)}× that floor`,
      target: BUDGET_MS_PER_CALL,
    },
    {
      name: `CLI start-up, ${DIRECT.label} vs ${BARE.label} (same rounds)`,
      value: direct! / bare!,
      unit: `ratio (${f(direct!)} vs ${f(bare!)}: the CLI's own part is ${f(direct! - bare!)})`,
      target: 1.5,
    },
  ]
}
