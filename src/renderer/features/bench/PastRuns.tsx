// Saved runs, newest first: open one, or tick two and compare them.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useBenchStore } from './bench-store'

export function PastRuns() {
  const { runs, current } = useBenchStore(useShallow((s) => ({ runs: s.runs, current: s.run?.id })))
  const [picked, setPicked] = useState<string[]>([])
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]))
  return (
    <section className="panel" aria-labelledby="bench-runs-title">
      <div className="panel-header">
        <h2 id="bench-runs-title">Past runs</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          disabled={picked.length !== 2}
          onClick={() => void useBenchStore.getState().compareRuns(picked[0]!, picked[1]!)}
        >
          Compare
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="muted">No runs yet in this workspace.</p>
      ) : (
        <ul className="bench-list">
          {runs.map((r) => {
            const when = new Date(r.startedAt).toLocaleString()
            return (
              <li key={r.id} className={r.id === current ? 'bench-list-current' : undefined}>
                <input
                  type="checkbox"
                  aria-label={`Pick run ${r.suiteName} ${when} to compare`}
                  checked={picked.includes(r.id)}
                  onChange={() => toggle(r.id)}
                />
                <button
                  type="button"
                  className="lm-link"
                  onClick={() => void useBenchStore.getState().openRun(r.id)}
                >
                  {r.suiteName}
                </button>
                <span className="muted bench-list-meta">
                  {when} · {r.calls}/{r.total} calls · {r.status}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
