// The shown run: table per model, charts (uPlot, loaded on first use), export, Write task_scores.
import { lazy, Suspense } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { downloadText } from '../playground/download'
import { useBenchStore } from './bench-store'
import { ResultsTable } from './ResultsTable'
import { TaskScoresDialog } from './TaskScoresDialog'

// uPlot is only fetched when a run is on screen: opening the app does not pay for it.
const BenchCharts = lazy(() => import('./BenchCharts'))

export function ResultsPanel() {
  const { run, proposal, running } = useBenchStore(
    useShallow((s) => ({ run: s.run, proposal: s.proposal, running: s.progress !== null })),
  )
  const actions = useBenchStore.getState()
  if (!run) {
    return (
      <section className="panel" aria-label="Results">
        <p className="muted">Run a suite (or open a past run) to see results here.</p>
      </section>
    )
  }
  const exportAs = async (format: 'csv' | 'json') => {
    const file = await actions.exportRun(format)
    if (file) downloadText(file.filename, file.mimeType, file.content)
  }
  const fallbacks = run.targets.filter((t) => t.fallbackReason)
  return (
    <section className="panel" aria-labelledby="bench-results-title">
      <div className="panel-header">
        <h2 id="bench-results-title">Results</h2>
        <span className="muted">
          {run.suite.name} · task {run.suite.task_type} · {new Date(run.startedAt).toLocaleString()}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          disabled={running}
          onClick={() => void exportAs('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={running}
          onClick={() => void exportAs('json')}
        >
          Export JSON
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={running || run.calls.length === 0}
          onClick={() => void actions.proposeTaskScores()}
        >
          Write task_scores
        </button>
      </div>
      {fallbacks.map((t) => (
        <p key={t.model} className="notice notice-warn">
          {t.model}: {t.fallbackReason}
        </p>
      ))}
      <ResultsTable summaries={run.summaries} caption="Per model" />
      <p className="muted bench-targets">
        {run.targets.map((t) => `${t.model} → ${t.baseUrl ?? 'SDK default URL'}`).join(' · ')} · app{' '}
        {run.appVersion}
      </p>
      <Suspense fallback={<p className="muted">Loading charts…</p>}>
        <BenchCharts summaries={run.summaries} />
      </Suspense>
      {proposal && (
        <TaskScoresDialog
          proposal={proposal}
          onConfirm={() => void actions.confirmTaskScores()}
          onCancel={() => actions.dismissProposal()}
        />
      )}
    </section>
  )
}
