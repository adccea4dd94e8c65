// Run / Cancel, the progress bar over cases × models × repeats, and the calls in flight.
import { useShallow } from 'zustand/react/shallow'
import { ProgressBar } from '../../components/ProgressBar'
import { useBenchStore } from './bench-store'

export function RunPanel() {
  const { draft, progress, busy, run } = useBenchStore(
    useShallow((s) => ({ draft: s.draft, progress: s.progress, busy: s.busy, run: s.run })),
  )
  const actions = useBenchStore.getState()
  const canRun = draft?.validation?.ok === true && !progress && !busy
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  return (
    <section className="panel bench-run" aria-label="Run">
      <div className="panel-header">
        <button
          type="button"
          className="button button-primary"
          disabled={!canRun}
          onClick={() => void actions.start()}
        >
          Run
        </button>
        <button
          type="button"
          className="button"
          disabled={!progress}
          onClick={() => void actions.cancel()}
        >
          Cancel
        </button>
        {progress ? (
          <span role="status" className="bench-status">
            {progress.done} of {progress.total} calls
          </span>
        ) : run ? (
          <span role="status" className="muted">
            {run.status === 'running'
              ? 'Starting…'
              : `Run ${run.status}: ${run.calls.length} of ${run.total} calls`}
          </span>
        ) : null}
      </div>
      {progress && (
        <>
          <ProgressBar
            label="Run progress"
            percent={percent}
            valueText={`${progress.done} of ${progress.total} calls`}
          />
          <p className="muted bench-current" aria-label="Current calls">
            {progress.current.length > 0
              ? `Now: ${progress.current.slice(0, 4).join('; ')}`
              : 'Waiting for answers…'}
          </p>
        </>
      )}
    </section>
  )
}
