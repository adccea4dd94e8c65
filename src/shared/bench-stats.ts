// Per-model summaries of a run's calls: median, p90 and spread of each metric; pass, JSON and error rates.
import type { BenchCall, MetricStats, ModelSummary } from './bench'

/** The q-quantile by linear interpolation between the closest ranks (q in 0…1). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  const a = sorted[low]!
  const b = sorted[high]!
  return a + (b - a) * (position - low)
}

export function metricStats(values: readonly (number | null)[]): MetricStats | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  return {
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  }
}

function rate(count: number, of: number): number {
  return of === 0 ? 0 : count / of
}

export function summarizeModel(model: string, calls: readonly BenchCall[]): ModelSummary {
  // Timings of failed calls measure the failure, not the model: they only count in the error rate.
  const answered = calls.filter((c) => c.error === null)
  const jsonCalls = calls.filter((c) => c.jsonValid !== null)
  return {
    model,
    calls: calls.length,
    firstTokenMs: metricStats(answered.map((c) => c.firstTokenMs)),
    totalMs: metricStats(answered.map((c) => c.totalMs)),
    tokensPerSecond: metricStats(answered.map((c) => c.tokensPerSecond)),
    passRate: rate(calls.filter((c) => c.pass).length, calls.length),
    jsonValidRate:
      jsonCalls.length === 0
        ? null
        : rate(jsonCalls.filter((c) => c.jsonValid === true).length, jsonCalls.length),
    errorRate: rate(calls.length - answered.length, calls.length),
  }
}

/** One summary per model, in the suite's order (models without calls yet included, with zeros). */
export function summarizeRun(
  models: readonly string[],
  calls: readonly BenchCall[],
): ModelSummary[] {
  const byModel = new Map<string, BenchCall[]>(models.map((m) => [m, []]))
  for (const call of calls) byModel.get(call.model)?.push(call)
  return models.map((model) => summarizeModel(model, byModel.get(model) ?? []))
}
