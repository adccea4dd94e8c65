// Pull by name (Cloud Run catalog suggestions) and the host's pull queue: progress, speed, Cancel.
import { MessageText } from '../../components/MessageText'
import type { FormEvent } from 'react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { OllamaPull } from '../../../shared/ollama'
import { ProgressBar } from '../../components/ProgressBar'
import { formatBytes, formatSpeed, pullPercent } from './format'
import { useLocalModelsStore } from './local-models-store'

const STATE_TEXT: Record<OllamaPull['state'], string> = {
  queued: 'Queued',
  pulling: 'Pulling',
  done: 'Done',
  error: 'Failed',
  cancelled: 'Cancelled',
}

function PullRow({ pull }: { pull: OllamaPull }) {
  const cancelPull = useLocalModelsStore((s) => s.cancelPull)
  const busy = useLocalModelsStore((s) => s.busy[`cancel ${pull.id}`] === true)
  const retry = useLocalModelsStore((s) => s.pull)
  const retrying = useLocalModelsStore((s) => s.busy[`pull ${pull.name}`] === true)
  const active = pull.state === 'queued' || pull.state === 'pulling'
  const percent = pull.state === 'done' ? 100 : pullPercent(pull.completed, pull.total)
  const bytes =
    pull.total > 0 ? `${formatBytes(pull.completed)} of ${formatBytes(pull.total)}` : pull.status
  return (
    <li className={`lm-pull lm-pull-${pull.state}`} aria-label={pull.name}>
      <div className="lm-pull-head">
        <span className="lm-pull-name">{pull.name}</span>
        <span className={`lm-pill lm-pill-${pull.state}`}>{STATE_TEXT[pull.state]}</span>
        <span className="lm-spacer" />
        {active && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void cancelPull(pull.id)}
          >
            Cancel
          </button>
        )}
      </div>
      {pull.state !== 'error' && pull.state !== 'cancelled' && (
        <>
          <ProgressBar
            label={`Pull progress of ${pull.name}`}
            percent={pull.state === 'queued' ? 0 : percent}
            valueText={bytes}
          />
          <div className="lm-pull-meta">
            <span>{pull.state === 'queued' ? 'Waiting for a free slot (2 at a time)' : bytes}</span>
            {pull.state === 'pulling' && pull.bytesPerSecond > 0 && (
              <span>{formatSpeed(pull.bytesPerSecond)}</span>
            )}
            {pull.state === 'pulling' && percent !== null && <span>{percent}%</span>}
            {pull.state === 'pulling' && <span className="lm-muted">{pull.status}</span>}
          </div>
        </>
      )}
      {pull.state === 'error' && (
        <p className="lm-pull-error" role="alert">
          <MessageText text={pull.error?.message ?? pull.status} />
        </p>
      )}
      {(pull.state === 'error' || pull.state === 'cancelled') && (
        <button
          type="button"
          className="button button-small"
          aria-label={`Retry the pull of ${pull.name}`}
          disabled={retrying}
          onClick={() => void retry(pull.name)}
        >
          Retry
        </button>
      )}
    </li>
  )
}

export function PullPanel() {
  const { pulls, suggestions, pull, clearFinishedPulls, busy } = useLocalModelsStore(
    useShallow((s) => ({
      pulls: s.pulls,
      suggestions: s.suggestions,
      pull: s.pull,
      clearFinishedPulls: s.clearFinishedPulls,
      busy: s.busy,
    })),
  )
  const [name, setName] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    void pull(trimmed).then(() => setName(''))
  }
  const finished = pulls.some((p) => p.state !== 'queued' && p.state !== 'pulling')
  return (
    <section className="lm-section" aria-labelledby="lm-pull-title">
      <h2 id="lm-pull-title">Pull a model</h2>
      <form className="lm-pull-form" onSubmit={submit}>
        <label className="lm-field lm-grow">
          <span>Model name</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            list="lm-pull-suggestions"
            placeholder="e.g. llama3.2:1b"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <datalist id="lm-pull-suggestions">
          {suggestions.map((s) => (
            <option key={s.name} value={s.name}>
              {`${s.type} · ~${s.estMemoryGb} GB${s.notes ? ` · ${s.notes}` : ''}`}
            </option>
          ))}
        </datalist>
        <button
          type="submit"
          className="button button-primary"
          disabled={!name.trim() || busy[`pull ${name.trim()}`] === true}
        >
          Pull
        </button>
      </form>
      {pulls.length > 0 && (
        <>
          <ul className="lm-pulls" aria-label="Pulls">
            {pulls.map((p) => (
              <PullRow key={p.id} pull={p} />
            ))}
          </ul>
          {finished && (
            <button
              type="button"
              className="button button-small"
              onClick={() => void clearFinishedPulls()}
            >
              Clear finished
            </button>
          )}
        </>
      )}
    </section>
  )
}
