// Local models: manage the models of an Ollama server — host, pulls, installed, details, running.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { MessageText } from '../../components/MessageText'
import { HostPicker } from './HostPicker'
import { InstalledModelsTable } from './InstalledModelsTable'
import { useLocalModelsStore } from './local-models-store'
import { ModelDetailsPane } from './ModelDetailsPane'
import { OllamaDownPanel } from './OllamaDownPanel'
import { PullPanel } from './PullPanel'
import { RunningModels } from './RunningModels'
import './local-models.css'
import './model-tables.css'

function Notices() {
  const { notices, dismiss } = useLocalModelsStore(
    useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotice })),
  )
  return (
    <div className="lm-notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`lm-notice lm-notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>
            <MessageText text={notice.text} />
          </span>
          <button
            type="button"
            className="lm-notice-dismiss"
            aria-label="Dismiss"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

function HostContent() {
  const { status, models, running } = useLocalModelsStore(
    useShallow((s) => ({ status: s.status, models: s.models, running: s.running })),
  )
  if (status.state === 'loading' && models.state === 'loading') {
    return <p className="lm-muted">Checking the Ollama host…</p>
  }
  if (status.state === 'error') {
    return (
      <p className="banner banner-error" role="alert">
        Could not check the Ollama host: <MessageText text={status.message} />
      </p>
    )
  }
  if (status.state === 'ready' && !status.value.reachable) {
    return <OllamaDownPanel baseUrl={status.value.baseUrl} message={status.value.message} />
  }
  return (
    <>
      <PullPanel />
      {models.state === 'loading' && <p className="lm-muted">Loading installed models…</p>}
      {models.state === 'error' && (
        <p className="banner banner-error" role="alert">
          The installed models could not be listed: <MessageText text={models.message} />
        </p>
      )}
      {models.state === 'ready' && <InstalledModelsTable models={models.value} />}
      <ModelDetailsPane />
      {running.state === 'error' && (
        <p className="banner banner-error" role="alert">
          The running models could not be listed: <MessageText text={running.message} />
        </p>
      )}
      {running.state === 'ready' && <RunningModels running={running.value} />}
    </>
  )
}

export function LocalModelsScreen() {
  useEffect(() => useLocalModelsStore.getState().start(), [])
  return (
    <section className="screen local-models" aria-labelledby="screen-title">
      <header className="screen-header">
        {/* tabIndex -1: keyboard shortcuts move focus here so screen readers announce the screen. */}
        <h1 id="screen-title" tabIndex={-1}>
          Local models
        </h1>
        <p className="lm-intro">
          The models on an Ollama server: pull, inspect, unload and delete them.
        </p>
      </header>
      <HostPicker />
      <Notices />
      <HostContent />
    </section>
  )
}
