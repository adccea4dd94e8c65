// `cli bench --suite FILE`: runs a suite through the factory; progress on stderr, results on stdout.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ModelSummary } from '../shared/bench'
import type { LlmFactory } from '../main/services/factory'
import {
  applyOverrides,
  callsToCsv,
  resolveTargets,
  runBench,
  runToJson,
  suiteFormatOf,
  summarizeRun,
  validateSuiteText,
} from '../main/services/bench'
import { redactSecrets } from '../main/api/app-error'
import { describeBenchError } from '../main/services/bench'
import type { CliArgs } from './args'

interface BenchIo {
  out: (text: string) => void
  err: (text: string) => void
}

export async function benchCommand(
  factory: LlmFactory,
  args: CliArgs,
  baseDir: string,
  io: BenchIo,
  signal?: AbortSignal,
): Promise<number> {
  const file = resolve(baseDir, args.suite ?? '')
  const format = suiteFormatOf(file)
  if (format === null) {
    io.err(`error (config_invalid): ${file}: a suite is a .yaml, .yml or .json file\n`)
    return 1
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    io.err(`error (not_found): cannot read ${file}: ${(error as Error).message}\n`)
    return 1
  }
  const validation = validateSuiteText(text, format, file)
  if (!validation.ok) {
    const { line, column, message } = validation.issue
    io.err(`error (config_invalid): ${file}:${line}:${column}: ${message}\n`)
    return 1
  }
  const suite = applyOverrides(validation.suite, {
    ...(args.models ? { models: args.models } : {}),
    ...(args.repeat ? { repeats: args.repeat } : {}),
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
  })
  const { targets, runners } = await resolveTargets(factory, suite.models)
  for (const t of targets) if (t.fallbackReason) io.err(`note: ${t.model}: ${t.fallbackReason}\n`)
  const total = suite.repeats * suite.cases.length * suite.models.length
  io.err(
    `${suite.name}: ${total} calls (${suite.cases.length} cases × ${suite.models.length} models × ${suite.repeats} repeats), ${suite.concurrency} at a time\n`,
  )
  let done = 0
  const outcome = await runBench({
    suite,
    targets: runners,
    ...(signal ? { signal } : {}),
    describeError: (error) => {
      const data = describeBenchError(error)
      return { ...data, message: redactSecrets(data.message) }
    },
    onCallDone: (call) => {
      done++
      const verdict = call.error ? `error ${call.error.code}` : call.pass ? 'pass' : 'fail'
      io.err(
        `[${done}/${total}] ${call.model} · ${call.caseId} · repeat ${call.repeat}: ${verdict}\n`,
      )
    },
  })
  if (outcome.cancelled) io.err('cancelled: the results below cover the calls that finished\n')
  const summaries = summarizeRun(suite.models, outcome.calls)
  if (args.json)
    io.out(JSON.stringify(runToJson({ suite, calls: outcome.calls, summaries })) + '\n')
  else if (args.csv) io.out(callsToCsv(outcome.calls))
  else io.out(formatSummaries(summaries) + '\n')
  return 0
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)} ms`)
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`)

/** One line per model: pass rate, latency medians and p90s, tokens/s, JSON-valid and error rates. */
export function formatSummaries(summaries: readonly ModelSummary[]): string {
  const header = [
    'model',
    'calls',
    'pass',
    'first token p50/p90',
    'total p50/p90',
    'tok/s',
    'json ok',
    'errors',
  ]
  const rows = summaries.map((s) => [
    s.model,
    String(s.calls),
    pct(s.passRate),
    `${ms(s.firstTokenMs?.median)} / ${ms(s.firstTokenMs?.p90)}`,
    `${ms(s.totalMs?.median)} / ${ms(s.totalMs?.p90)}`,
    s.tokensPerSecond ? String(Math.round(s.tokensPerSecond.median)) : '–',
    pct(s.jsonValidRate),
    pct(s.errorRate),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
