// A run as CSV (one row per call, with a header) or JSON (per-call rows and per-model summaries).
import type { BenchCall, BenchExport, BenchRun, ModelSummary } from '../../../shared/bench'

export const CSV_COLUMNS = [
  'model',
  'case',
  'repeat',
  'first_token_ms',
  'total_ms',
  'tokens_per_second',
  'prompt_tokens',
  'completion_tokens',
  'pass',
  'json_valid',
  'error_code',
  'checks_passed',
  'checks_failed',
] as const

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvRow(call: BenchCall): string {
  const failed = call.checks.filter((c) => !c.pass).map((c) => c.label)
  return [
    call.model,
    call.caseId,
    call.repeat,
    call.firstTokenMs,
    call.totalMs,
    call.tokensPerSecond,
    call.promptTokens,
    call.completionTokens,
    call.pass,
    call.jsonValid,
    call.error?.code ?? null,
    call.checks.length - failed.length,
    failed.join('; '),
  ]
    .map(csvCell)
    .join(',')
}

export function callsToCsv(calls: readonly BenchCall[]): string {
  return [CSV_COLUMNS.join(','), ...calls.map(csvRow)].join('\n') + '\n'
}

export interface BenchJsonReport {
  suite: { name: string; task_type: string }
  calls: BenchCall[]
  summaries: ModelSummary[]
}

export function runToJson(run: Pick<BenchRun, 'suite' | 'calls' | 'summaries'>): BenchJsonReport {
  return {
    suite: { name: run.suite.name, task_type: run.suite.task_type },
    calls: run.calls,
    summaries: run.summaries,
  }
}

export function exportRun(run: BenchRun, format: 'csv' | 'json'): BenchExport {
  const base = `bench-${run.suite.name.replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase()}-${run.id}`
  if (format === 'csv') {
    return { filename: `${base}.csv`, mimeType: 'text/csv', content: callsToCsv(run.calls) }
  }
  // The saved run minus nothing secret: it never held a key (targets carry base URLs only).
  return {
    filename: `${base}.json`,
    mimeType: 'application/json',
    content: JSON.stringify({ ...run, ...runToJson(run) }, null, 2) + '\n',
  }
}
