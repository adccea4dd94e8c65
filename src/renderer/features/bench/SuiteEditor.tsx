// The suite editor: file name, Form or Text view over the same text, validation at line:col, Save.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useBenchStore } from './bench-store'
import { SuiteForm } from './SuiteForm'

export function SuiteEditor() {
  const draft = useBenchStore(useShallow((s) => s.draft))
  const [view, setView] = useState<'form' | 'text'>('form')
  if (!draft) {
    return <p className="muted">Pick a suite on the left, or start a new one.</p>
  }
  const { validation } = draft
  const actions = useBenchStore.getState()
  return (
    <section className="panel" aria-labelledby="bench-suite-title">
      <div className="panel-header">
        <h2 id="bench-suite-title">Suite</h2>
        <div role="tablist" aria-label="Suite view" className="bench-tabs">
          {(['form', 'text'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={`button button-small${view === v ? ' button-primary' : ''}`}
              onClick={() => setView(v)}
            >
              {v === 'form' ? 'Form' : 'Text'}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <label className="bench-filename">
          <span className="muted">Save as bench/</span>
          <input
            className="input mono"
            aria-label="File name"
            value={draft.fileName}
            onChange={(e) => actions.setFileName(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={validation?.ok !== true}
          onClick={() => void actions.saveSuite()}
        >
          Save suite
        </button>
      </div>
      {draft.origin === 'example' && (
        <p className="muted">
          A shipped example: saving puts a copy in the workspace's bench/ folder.
        </p>
      )}
      {validation === null ? (
        <p className="muted" role="status">
          Checking…
        </p>
      ) : validation.ok ? (
        <p className="muted" role="status">
          Valid suite: {validation.suite.cases.length} cases × {validation.suite.models.length}{' '}
          models × {validation.suite.repeats} repeats ={' '}
          {validation.suite.cases.length *
            validation.suite.models.length *
            validation.suite.repeats}{' '}
          calls
        </p>
      ) : (
        <p className="notice notice-error" role="alert">
          Line {validation.issue.line}, column {validation.issue.column}: {validation.issue.message}
        </p>
      )}
      {view === 'text' ? (
        <textarea
          className="bench-text mono"
          aria-label="Suite text"
          spellCheck={false}
          value={draft.text}
          onChange={(e) => actions.setText(e.target.value)}
        />
      ) : validation?.ok ? (
        <SuiteForm suite={validation.suite} />
      ) : (
        <p className="muted">The form shows a valid suite; fix the text first.</p>
      )}
    </section>
  )
}
