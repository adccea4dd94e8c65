// The run's charts (uPlot, loaded on demand): a bar chart per metric across models, pass rate vs latency.
import { useEffect, useId, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { ModelSummary } from '../../../shared/bench'
import type { ChartMetricId } from './format'
import { CHART_METRICS, formatMs } from './format'

const COLORS = [
  '#4f5bd5',
  '#1f9d55',
  '#d98e04',
  '#d64545',
  '#0e8fa8',
  '#9b4dca',
  '#5d6473',
  '#c2185b',
]
const HEIGHT = 220

/** Creates the plot once per shape (`key`), then only swaps data: live runs update many times a second. */
function usePlot(
  key: string,
  make: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData },
  data: uPlot.AlignedData,
) {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const makeRef = useRef(make)
  makeRef.current = make
  useEffect(() => {
    const el = host.current
    if (!el) return
    const width = Math.max(280, el.clientWidth)
    const { options, data: initial } = makeRef.current(width)
    const chart = new uPlot(options, initial, el)
    plot.current = chart
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    )
    resize.observe(el)
    return () => {
      resize.disconnect()
      chart.destroy()
      plot.current = null
    }
  }, [key])
  useEffect(() => {
    plot.current?.setData(data)
  }, [data])
  return host
}

function BarChart({ summaries, metric }: { summaries: ModelSummary[]; metric: ChartMetricId }) {
  const spec = CHART_METRICS.find((m) => m.id === metric)!
  const names = summaries.map((s) => s.model)
  const xs = names.map((_, i) => i)
  const data: uPlot.AlignedData = [xs, summaries.map((s) => spec.read(s))]
  const host = usePlot(
    `${metric}|${names.join(',')}`,
    (width) => ({
      data,
      options: {
        width,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, names.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          { splits: () => xs, values: (_u, splits) => splits.map((i) => names[i] ?? ''), size: 40 },
          { label: spec.unit, size: 56 },
        ],
        series: [
          {},
          {
            label: spec.label,
            fill: `${COLORS[0]}cc`,
            stroke: COLORS[0],
            paths: uPlot.paths.bars!({ size: [0.6, 90] }),
            points: { show: false },
          },
        ],
      },
    }),
    data,
  )
  return <div ref={host} className="bench-plot" />
}

function Scatter({ summaries }: { summaries: ModelSummary[] }) {
  // uPlot wants ascending x: sort the models by latency, one series per model so each has a colour.
  const points = summaries
    .map((s, index) => ({ index, x: s.totalMs?.median ?? null, y: s.passRate * 100 }))
    .filter((p): p is { index: number; x: number; y: number } => p.x !== null)
    .sort((a, b) => a.x - b.x)
  const data: uPlot.AlignedData = [
    points.map((p) => p.x),
    ...summaries.map((_, index) => points.map((p) => (p.index === index ? p.y : null))),
  ]
  const host = usePlot(
    summaries.map((s) => s.model).join(','),
    (width) => ({
      data,
      options: {
        width,
        height: HEIGHT,
        legend: { live: false },
        scales: {
          x: { time: false, range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
          y: { range: [0, 105] },
        },
        axes: [
          {
            label: 'total time, median (ms)',
            values: (_u, splits) => splits.map((v) => formatMs(v)),
          },
          { label: 'pass rate (%)', size: 56 },
        ],
        series: [
          { label: 'total ms' },
          ...summaries.map((s, i) => ({
            label: s.model,
            stroke: COLORS[i % COLORS.length],
            fill: COLORS[i % COLORS.length],
            paths: () => null,
            points: { show: true, size: 12, fill: COLORS[i % COLORS.length] },
          })),
        ],
      },
    }),
    data,
  )
  return <div ref={host} className="bench-plot" />
}

export default function BenchCharts({ summaries }: { summaries: ModelSummary[] }) {
  const [metric, setMetric] = useState<ChartMetricId>('passRate')
  const selectId = useId()
  const label = CHART_METRICS.find((m) => m.id === metric)!.label
  return (
    <div className="bench-charts">
      <figure className="bench-figure" aria-label={`${label} by model`}>
        <figcaption className="bench-figure-caption">
          <label htmlFor={selectId}>Metric</label>{' '}
          <select
            id={selectId}
            className="select"
            value={metric}
            onChange={(e) => setMetric(e.target.value as ChartMetricId)}
          >
            {CHART_METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </figcaption>
        <BarChart summaries={summaries} metric={metric} />
      </figure>
      <figure className="bench-figure" aria-label="Pass rate against total time">
        <figcaption className="bench-figure-caption">
          Quality vs latency: pass rate against median total time
        </figcaption>
        <Scatter summaries={summaries} />
      </figure>
    </div>
  )
}
