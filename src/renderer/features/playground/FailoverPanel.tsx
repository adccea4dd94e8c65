// The "Fail over along the provider order" switch and its editable chain, with how it would be walked.
import { useEffect, useState } from 'react'
import type { ChatSettings } from '../../../shared/chat'
import { chainEntrySchema, splitChain } from '../../../shared/failover'
import { useFailoverPlanStore } from './failover-store'

export interface FailoverPanelProps {
  settings: ChatSettings
  disabled: boolean
  onChange: (change: Partial<ChatSettings>) => void
}

const OFF = { enabled: false, chain: [] as string[] }

export function FailoverPanel({ settings, disabled, onChange }: FailoverPanelProps) {
  const failover = settings.failover ?? OFF
  const [text, setText] = useState(failover.chain.join(', '))
  const [invalid, setInvalid] = useState<string | null>(null)
  const { plan, loadPlan } = useFailoverPlanStore()
  const chainKey = failover.chain.join(',')

  useEffect(() => setText(failover.chain.join(', ')), [chainKey])
  useEffect(() => {
    if (failover.enabled) void loadPlan(failover.chain)
  }, [failover.enabled, chainKey])

  const commit = () => {
    const entries = splitChain(text)
    const bad = entries.find((entry) => !chainEntrySchema.safeParse(entry).success)
    if (bad !== undefined) {
      setInvalid(`"${bad}" is not provider or provider/model.`)
      return
    }
    setInvalid(null)
    if (entries.join(',') !== chainKey) onChange({ failover: { ...failover, chain: entries } })
  }

  return (
    <div className="failover-panel">
      <label className="field-check">
        <input
          type="checkbox"
          checked={failover.enabled}
          disabled={disabled}
          onChange={(e) => onChange({ failover: { ...failover, enabled: e.target.checked } })}
        />
        Fail over along the provider order
      </label>
      {failover.enabled && (
        <>
          <label className="field">
            <span className="field-label">Failover chain</span>
            <input
              className="input"
              value={text}
              disabled={disabled}
              placeholder="the provider order"
              aria-invalid={invalid !== null}
              aria-describedby="failover-chain-hint"
              onChange={(e) => setText(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit()
              }}
            />
          </label>
          {invalid ? (
            <p className="field-note field-note-warn" role="alert">
              {invalid}
            </p>
          ) : (
            <p className="hint" id="failover-chain-hint">
              After the chosen model, comma-separated: <code>groq</code> or{' '}
              <code>gemini/gemini-2.5-flash</code>. Blank follows the provider order.
            </p>
          )}
          <FailoverPlanList plan={plan} />
        </>
      )}
    </div>
  )
}

function FailoverPlanList({
  plan,
}: {
  plan: ReturnType<typeof useFailoverPlanStore.getState>['plan']
}) {
  if (!plan || plan.state === 'loading') return <p className="hint">Reading the chain…</p>
  if (plan.state === 'error') {
    return <p className="field-note field-note-warn">The chain could not be read: {plan.message}</p>
  }
  if (plan.value.length === 0) return <p className="hint">The chain is empty.</p>
  return (
    <ol className="failover-plan" aria-label="Failover chain entries">
      {plan.value.map((entry, i) => (
        <li key={`${entry.provider}-${i}`} className={entry.skip ? 'failover-skipped' : undefined}>
          {entry.provider}
          {entry.model ? ` · ${entry.model}` : ''}
          {entry.skip ? ` — skipped: ${entry.skip.message}` : ''}
        </li>
      ))}
    </ol>
  )
}
