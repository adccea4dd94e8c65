// One row per model: median and p90 first-token and total time with their spread, tokens/s, rates.
import type { ModelSummary } from '../../../shared/bench'
import { formatMs, formatRate, formatTps, spread } from './format'

export function ResultsTable({
  summaries,
  caption,
}: {
  summaries: ModelSummary[]
  caption: string
}) {
  return (
    <table className="lm-table bench-table">
      <caption className="bench-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Calls</th>
          <th scope="col">Pass rate</th>
          <th scope="col">First token p50 / p90</th>
          <th scope="col">Total p50 / p90</th>
          <th scope="col">Tokens/s</th>
          <th scope="col">JSON valid</th>
          <th scope="col">Errors</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((s) => (
          <tr key={s.model}>
            <th scope="row">{s.model}</th>
            <td className="lm-num">{s.calls}</td>
            <td className="lm-num">{formatRate(s.passRate)}</td>
            <td className="lm-num">
              {formatMs(s.firstTokenMs?.median)} / {formatMs(s.firstTokenMs?.p90)}
              <span className="bench-spread">{spread(s.firstTokenMs, formatMs)}</span>
            </td>
            <td className="lm-num">
              {formatMs(s.totalMs?.median)} / {formatMs(s.totalMs?.p90)}
              <span className="bench-spread">{spread(s.totalMs, formatMs)}</span>
            </td>
            <td className="lm-num">
              {formatTps(s.tokensPerSecond?.median)}
              <span className="bench-spread">{spread(s.tokensPerSecond, formatTps)}</span>
            </td>
            <td className="lm-num">{formatRate(s.jsonValidRate)}</td>
            <td className="lm-num">{formatRate(s.errorRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
