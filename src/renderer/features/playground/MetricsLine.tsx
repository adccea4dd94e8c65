// One answer's figures: first token, tokens/s, tokens in/out, total time, and what actually answered.
import { Fragment } from 'react'
import type { AnswerMetrics, UsedModel } from '../../../shared/chat'

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}

/** The URL with a line-break opportunity after each slash, so it wraps at its parts. */
function breakableUrl(url: string) {
  return url.split('/').map((part, index, parts) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ))
}

export interface MetricsLineProps {
  metrics?: AnswerMetrics
  used?: UsedModel
  /** The answer failed: the model was asked, it did not answer. */
  failed?: boolean
}

export function MetricsLine({ metrics, used, failed = false }: MetricsLineProps) {
  if (!metrics && !used) return null
  const items: [string, string][] = []
  if (metrics) {
    if (metrics.queuedMs !== undefined) items.push(['Queued', ms(metrics.queuedMs)])
    items.push(['First token', ms(metrics.firstTokenMs)])
    if (metrics.tokensPerSecond !== undefined)
      items.push(['Speed', `${metrics.tokensPerSecond.toFixed(1)} tokens/s`])
    if (metrics.promptTokens !== undefined) items.push(['Prompt', `${metrics.promptTokens} tokens`])
    if (metrics.completionTokens !== undefined)
      items.push(['Completion', `${metrics.completionTokens} tokens`])
    items.push(['Total', ms(metrics.totalMs)])
  }
  return (
    <dl className="metrics" aria-label="Answer metrics">
      {items.map(([term, value]) => (
        <div key={term} className="metric">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {used && (
        <div className="metric metric-used" title={used.fallbackReason ?? used.handler}>
          <dt>{failed ? 'Sent to' : 'Answered by'}</dt>
          <dd>
            {used.provider} ·{' '}
            <span className="metric-model" title={used.model}>
              {used.model}
            </span>
            {used.fallbackReason ? ' (fallback)' : ''}
          </dd>
        </div>
      )}
      {used?.baseUrl && (
        <div className="metric metric-used">
          <dt>Base URL</dt>
          <dd>{breakableUrl(used.baseUrl)}</dd>
        </div>
      )}
    </dl>
  )
}
