// Bench: run a prompt suite across models and providers; checks, live results, charts, task_scores.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { getAppApi } from '../../platform/current-api'
import { useBenchStore } from './bench-store'
import { CompareView } from './CompareView'
import { PastRuns } from './PastRuns'
import { ResultsPanel } from './ResultsPanel'
import { RunPanel } from './RunPanel'
import { SuiteEditor } from './SuiteEditor'
import '../../components/controls.css'
import '../../components/panels.css'
import '../local-models/model-tables.css'
import './bench.css'

function SuiteList() {
  const { suites, selected } = useBenchStore(
    useShallow((s) => ({ suites: s.suites, selected: s.draft?.id ?? null })),
  )
  return (
    <section className="panel" aria-labelledby="bench-suites-title">
      <div className="panel-header">
        <h2 id="bench-suites-title">Suites</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={() => useBenchStore.getState().newSuite()}
        >
          New suite
        </button>
      </div>
      {suites.length === 0 ? (
        <p className="muted">No suites yet: start a new one.</p>
      ) : (
        <ul className="bench-list">
          {suites.map((s) => (
            <li key={s.id} className={s.id === selected ? 'bench-list-current' : undefined}>
              <button
                type="button"
                className="lm-link"
                aria-current={s.id === selected ? 'true' : undefined}
                onClick={() => void useBenchStore.getState().openSuite(s.id)}
              >
                {s.name}
              </button>
              <span className="muted bench-list-meta">
                {s.origin === 'example' ? 'example' : s.id}
                {s.issue
                  ? ` · invalid at ${s.issue.line}:${s.issue.column}`
                  : ` · ${s.taskType} · ${s.cases} cases`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function BenchScreen() {
  const { notice, compare } = useBenchStore(
    useShallow((s) => ({ notice: s.notice, compare: s.compare })),
  )
  useEffect(() => {
    void useBenchStore.getState().load()
    const api = getAppApi()
    const stops = [
      api.on('bench:progress', (event) => useBenchStore.getState().onProgress(event)),
      api.on('bench:finished', (e) =>
        useBenchStore.getState().onFinished(e.runId, e.status, e.message),
      ),
      api.on('workspace:changed', () => void useBenchStore.getState().load()),
    ]
    return () => stops.forEach((stop) => stop())
  }, [])
  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Bench
        </h1>
      </header>
      <p className="screen-lead">
        Run a prompt suite across models and providers, check the answers, compare latency and
        quality, and write the pass rates back as mindX task_scores.
      </p>
      {notice && (
        <p
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <div className="bench-layout">
        <div className="bench-side">
          <SuiteList />
          <PastRuns />
        </div>
        <div className="bench-main">
          <SuiteEditor />
          <RunPanel />
        </div>
      </div>
      {compare ? (
        <CompareView runs={compare} onClose={() => useBenchStore.getState().closeCompare()} />
      ) : (
        <ResultsPanel />
      )}
    </section>
  )
}
