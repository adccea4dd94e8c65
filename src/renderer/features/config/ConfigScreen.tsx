// Config: llm_factory_config.json as a form and as JSON (one document), provenance, read-only sources.
import { lazy, Suspense, useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { fileName } from '../../components/provenance-text'
import { getAppApi } from '../../platform/current-api'
import { ConfigForm } from './ConfigForm'
import { ConflictBanner } from './ConflictBanner'
import { isDirty, useConfigStore } from './config-store'
import type { ConfigView } from './config-store'
import { ProvenancePanel } from './ProvenancePanel'
import { OpenFileButton, SourcesPanel } from './SourcesPanel'
import { useUnsavedGuard } from './use-unsaved-guard'
import '../../components/controls.css'
import '../../components/panels.css'
import './config.css'

// CodeMirror is fetched when the JSON view is first opened: the form view does not pay for it.
const JsonEditor = lazy(() => import('./JsonEditor').then((m) => ({ default: m.JsonEditor })))

const VIEWS: { id: ConfigView; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'JSON' },
]

function useConfigLifecycle(): void {
  useEffect(() => {
    const store = useConfigStore.getState()
    void store.load()
    const stops = [
      getAppApi().on('config:changed', (doc) => useConfigStore.getState().diskChanged(doc)),
      // Another workspace means another file: edits of the old one cannot apply to it.
      getAppApi().on('workspace:changed', () => {
        useConfigStore.setState(useConfigStore.getInitialState(), true)
        void useConfigStore.getState().load()
      }),
    ]
    return () => stops.forEach((stop) => stop())
  }, [])
}

export function ConfigScreen() {
  useConfigLifecycle()
  const state = useConfigStore(
    useShallow((s) => ({
      base: s.base,
      draft: s.draft,
      validation: s.validation,
      validatedText: s.validatedText,
      saving: s.saving,
      saveError: s.saveError,
      notice: s.notice,
      incoming: s.incoming,
      sources: s.sources,
      resolution: s.resolution,
      view: s.view,
      staged: s.staged,
      formRevision: s.formRevision,
    })),
  )
  const actions = useConfigStore.getState()
  const dirty = isDirty(state)
  const guard = useUnsavedGuard(dirty)
  const issue =
    state.validatedText === state.draft && state.validation && !state.validation.ok
      ? state.validation.issue
      : null

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        if (isDirty(useConfigStore.getState())) void useConfigStore.getState().save()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <header className="screen-header config-header">
        <h1 id="screen-title" tabIndex={-1}>
          Config
        </h1>
        {dirty && <span className="chip chip-warn">Unsaved changes</span>}
      </header>
      {state.base.state === 'loading' && (
        <p role="status" className="muted">
          Reading llm_factory_config.json…
        </p>
      )}
      {state.base.state === 'error' && (
        <div className="notice notice-error" role="alert">
          <p>Could not read the config: {state.base.message}</p>
          <button type="button" className="button button-small" onClick={() => void actions.load()}>
            Retry
          </button>
        </div>
      )}
      {state.base.state === 'ready' && (
        <div className="config-layout">
          <div className="config-main">
            <div className="panel">
              <div className="panel-header">
                <h2>
                  <code>{fileName(state.base.value.path)}</code>
                </h2>
                {!state.base.value.exists && <span className="chip">new file</span>}
                <span className="spacer" />
                <button
                  type="button"
                  className="button"
                  disabled={!dirty || state.saving}
                  onClick={actions.revert}
                >
                  Revert
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={!dirty || state.saving}
                  aria-keyshortcuts="Control+S"
                  onClick={() => void actions.save()}
                >
                  {state.saving ? 'Saving…' : 'Save'}
                </button>
              </div>
              <div className="actions config-path-row">
                <code className="muted config-path">{state.base.value.path}</code>
                {state.base.value.exists && <OpenFileButton path={state.base.value.path} />}
              </div>
              {state.incoming && (
                <ConflictBanner
                  theirs={state.incoming.text}
                  mine={state.draft}
                  onKeepMine={actions.keepMine}
                  onTakeTheirs={actions.takeTheirs}
                />
              )}
              <p className="config-validity" role="status" aria-live="polite">
                {issue ? (
                  <span className="config-invalid">
                    Line {issue.line}, column {issue.column}: {issue.message}
                  </span>
                ) : state.validation?.ok && state.validatedText === state.draft ? (
                  <span className="muted">Valid JSON, matches the schema.</span>
                ) : (
                  <span className="muted">Checking…</span>
                )}
              </p>
              {state.saveError !== null && (
                <p className="notice notice-error" role="alert">
                  Not saved — the file on disk is unchanged. {state.saveError}
                </p>
              )}
              {state.notice !== null && <p className="notice notice-ok">{state.notice}</p>}
              <div className="config-tabs" role="tablist" aria-label="View">
                {VIEWS.map((view) => (
                  <button
                    key={view.id}
                    type="button"
                    role="tab"
                    id={`config-tab-${view.id}`}
                    aria-selected={state.view === view.id}
                    aria-controls={`config-panel-${view.id}`}
                    tabIndex={state.view === view.id ? 0 : -1}
                    className="config-tab"
                    onClick={() => actions.setView(view.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                        const next = view.id === 'form' ? 'json' : 'form'
                        actions.setView(next)
                        document.getElementById(`config-tab-${next}`)?.focus()
                      }
                    }}
                  >
                    {view.label}
                  </button>
                ))}
              </div>
              <div
                role="tabpanel"
                id={`config-panel-${state.view}`}
                aria-labelledby={`config-tab-${state.view}`}
              >
                {state.view === 'form' ? (
                  <ConfigForm
                    key={state.formRevision}
                    text={state.draft}
                    onEdit={(path, value) => void actions.applyEdit(path, value)}
                    onStage={actions.stage}
                    onCommit={(path) => void actions.commitStaged(path)}
                  />
                ) : (
                  <Suspense
                    fallback={
                      <p className="muted" role="status">
                        Loading the JSON editor…
                      </p>
                    }
                  >
                    <JsonEditor
                      value={state.draft}
                      onChange={actions.setDraft}
                      issue={issue}
                      label="llm_factory_config.json"
                    />
                  </Suspense>
                )}
              </div>
            </div>
            <SourcesPanel sources={state.sources} />
          </div>
          <ProvenancePanel resolution={state.resolution} />
        </div>
      )}
      {guard.pending !== null && (
        <ConfirmDialog
          title="Leave without saving?"
          confirmLabel="Discard changes"
          tone="danger"
          onCancel={guard.stay}
          onConfirm={() => {
            actions.revert()
            guard.leave()
          }}
        >
          <p>Your edits to llm_factory_config.json are not saved. Discard them and leave?</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
