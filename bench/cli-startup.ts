// CLI start-up: `npm run --silent cli -- resolve` wall time against `node -e 0`, interleaved in one run.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const WORKSPACE = join(ROOT, 'test', 'fixtures', 'mindx-public-checkout')
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15)

interface Command {
  label: string
  file: string
  args: string[]
}

const COMMANDS: Command[] = [
  {
    label: 'npm run --silent cli -- resolve',
    file: 'npm',
    args: ['run', '--silent', 'cli', '--', 'resolve', '--workspace', WORKSPACE],
  },
  {
    label: 'node scripts/cli.mjs resolve',
    file: process.execPath,
    args: ['scripts/cli.mjs', 'resolve', '--workspace', WORKSPACE],
  },
  { label: 'node -e 0', file: process.execPath, args: ['-e', '0'] },
]

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

/** Median wall time of each command; rounds alternate their order so load hits all alike. */
export function measureCliStartup(): {
  name: string
  value: number
  unit: string
  target: number
} {
  for (const command of COMMANDS) wallMs(command) // warm-up: builds the CLI bundle if stale
  const times = COMMANDS.map(() => [] as number[])
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? COMMANDS : [...COMMANDS].reverse()
    for (const command of order) times[COMMANDS.indexOf(command)]!.push(wallMs(command))
  }
  const [npmCli, direct, bare] = times.map(median) as [number, number, number]
  return {
    name: `CLI start-up, ${COMMANDS[0]!.label} (median of ${RUNS})`,
    value: npmCli,
    unit: `ms wall (node scripts/cli.mjs resolve ${direct.toFixed(0)} ms, node -e 0 ${bare.toFixed(0)} ms)`,
    target: 150,
  }
}
