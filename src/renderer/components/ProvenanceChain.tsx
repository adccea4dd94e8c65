// Every layer the factory consulted for one field, in precedence order, with which one won and why.
import type { ProvenanceStep } from '../../shared/llm'
import { originLabel, shadowSentences } from './provenance-text'
import './panels.css'

const STATUS_TEXT: Record<ProvenanceStep['status'], string> = {
  won: 'used',
  shadowed: 'shadowed',
  absent: 'not set',
  skipped: 'skipped',
}

export interface ProvenanceChainProps {
  /** e.g. "Model" — names the list for assistive tech. */
  label: string
  chain: readonly ProvenanceStep[]
  /** Hide layers that had nothing, for compact cards. */
  hideAbsent?: boolean
}

export function ProvenanceChain({ label, chain, hideAbsent = false }: ProvenanceChainProps) {
  const steps = hideAbsent ? chain.filter((step) => step.status !== 'absent') : chain
  const shadows = shadowSentences(chain)
  return (
    <div className="provenance">
      <ol className="provenance-chain" aria-label={`${label}: layers consulted`}>
        {steps.map((step, index) => (
          <li key={index} className={`provenance-step provenance-${step.status}`}>
            <span className={`chip chip-${step.status}`}>{STATUS_TEXT[step.status]}</span>
            <div className="provenance-detail">
              <span className="provenance-key">{step.key}</span>
              <span className="provenance-origin" title={step.origin}>
                {step.layer} · {originLabel(step.origin)}
              </span>
              {step.value !== undefined && <code className="provenance-value">{step.value}</code>}
              {/* Shadowed steps are summed up below in one sentence each; their reasons repeat it. */}
              {step.reason !== undefined && step.status !== 'shadowed' && (
                <span className="provenance-reason">{step.reason}</span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {shadows.length > 0 && (
        <ul className="provenance-shadows">
          {shadows.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
