// Number formats of the Bench screen (and its charts): milliseconds, rates, tokens per second.
import type { MetricStats, ModelSummary } from '../../../shared/bench'

export const formatMs = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '–'
    : v >= 10_000
      ? `${(v / 1000).toFixed(1)} s`
      : `${Math.round(v)} ms`

export const formatRate = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`

export const formatTps = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : v >= 100 ? String(Math.round(v)) : v.toFixed(1)

export function spread(stats: MetricStats | null, format: (v: number) => string): string {
  return stats ? `${format(stats.min)}–${format(stats.max)}` : ''
}

/** The metrics the bar chart can show, with how to read each from a summary. */
export const CHART_METRICS = [
  { id: 'passRate', label: 'Pass rate', unit: '%', read: (s: ModelSummary) => s.passRate * 100 },
  {
    id: 'firstToken',
    label: 'First token (median)',
    unit: 'ms',
    read: (s: ModelSummary) => s.firstTokenMs?.median ?? null,
  },
  {
    id: 'total',
    label: 'Total time (median)',
    unit: 'ms',
    read: (s: ModelSummary) => s.totalMs?.median ?? null,
  },
  {
    id: 'totalP90',
    label: 'Total time (p90)',
    unit: 'ms',
    read: (s: ModelSummary) => s.totalMs?.p90 ?? null,
  },
  {
    id: 'tps',
    label: 'Tokens/s (median)',
    unit: 'tok/s',
    read: (s: ModelSummary) => s.tokensPerSecond?.median ?? null,
  },
  { id: 'errorRate', label: 'Error rate', unit: '%', read: (s: ModelSummary) => s.errorRate * 100 },
] as const
export type ChartMetricId = (typeof CHART_METRICS)[number]['id']
