// Two runs side by side: each model's summary in run A and run B, with the change in pass rate and latency.
import type { BenchRun, ModelSummary } from '../../../shared/bench'
import { formatMs, formatRate } from './format'

function delta(
  a: number | null | undefined,
  b: number | null | undefined,
  format: (v: number) => string,
) {
  if (a === null || a === undefined || b === null || b === undefined) return '–'
  const d = b - a
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${format(Math.abs(d))}`
}

export function CompareView({
  runs,
  onClose,
}: {
  runs: [BenchRun, BenchRun]
  onClose: () => void
}) {
  const [a, b] = runs
  const models = [...new Set([...a.summaries, ...b.summaries].map((s) => s.model))]
  const find = (run: BenchRun, model: string): ModelSummary | undefined =>
    run.summaries.find((s) => s.model === model)
  const label = (run: BenchRun) => `${run.suite.name}, ${new Date(run.startedAt).toLocaleString()}`
  return (
    <section className="panel" aria-labelledby="bench-compare-title">
      <div className="panel-header">
        <h2 id="bench-compare-title">Compare runs</h2>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={onClose}>
          Close compare
        </button>
      </div>
      <p className="muted">
        A: {label(a)} · B: {label(b)}
      </p>
      <table className="lm-table bench-table" aria-label="Run comparison">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Pass A</th>
            <th scope="col">Pass B</th>
            <th scope="col">Δ pass</th>
            <th scope="col">Total p50 A</th>
            <th scope="col">Total p50 B</th>
            <th scope="col">Δ total</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const sa = find(a, m)
            const sb = find(b, m)
            return (
              <tr key={m}>
                <th scope="row">{m}</th>
                <td className="lm-num">{formatRate(sa?.passRate)}</td>
                <td className="lm-num">{formatRate(sb?.passRate)}</td>
                <td className="lm-num">{delta(sa?.passRate, sb?.passRate, formatRate)}</td>
                <td className="lm-num">{formatMs(sa?.totalMs?.median)}</td>
                <td className="lm-num">{formatMs(sb?.totalMs?.median)}</td>
                <td className="lm-num">
                  {delta(sa?.totalMs?.median, sb?.totalMs?.median, formatMs)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
