// "Deploy to Cloud Run…": spec form with problems explained first, files written, command, Deploy now, provider.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { deploySpecIssues, hasErrors } from '../../../shared/deploy'
import { Dialog } from '../../components/Dialog'
import { getAppApi } from '../../platform/current-api'
import type { CatalogRow } from './catalog-table'
import { DeployForm } from './DeployForm'
import { DeployLog, WrittenFiles } from './DeployOutput'
import { useDeployStore } from './deploy-store'

export function DeployDialog({ row, onClose }: { row: CatalogRow; onClose: () => void }) {
  const state = useDeployStore(
    useShallow((s) => ({
      spec: s.spec,
      gcloudFound: s.gcloudFound,
      installHint: s.installHint,
      written: s.written,
      run: s.run,
      added: s.added,
      busy: s.busy,
      error: s.error,
    })),
  )
  const actions = useDeployStore.getState()
  const first = useRef<HTMLInputElement>(null)
  const [existingUrl, setExistingUrl] = useState('')
  const urlId = useId()

  useEffect(() => {
    void useDeployStore.getState().open(row.id)
    const api = getAppApi()
    const stops = [
      api.on('deploy:log', (event) => useDeployStore.getState().logged(event)),
      api.on('deploy:finished', (event) => useDeployStore.getState().finished(event)),
    ]
    return () => stops.forEach((stop) => stop())
  }, [row.id])

  const issues = useMemo(() => (state.spec ? deploySpecIssues(state.spec) : []), [state.spec])
  const running = state.run?.state === 'running'
  const close = () => {
    if (running) void actions.cancel()
    actions.close()
    onClose()
  }

  return (
    <Dialog
      title={`Deploy ${row.ollama_name} to Cloud Run`}
      className="deploy-dialog"
      initialFocus={first}
      onCancel={close}
    >
      {state.spec === null && state.error === null && (
        <p role="status" className="muted">
          Preparing…
        </p>
      )}
      {state.spec && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (!hasErrors(issues)) void actions.write()
          }}
        >
          <DeployForm
            spec={state.spec}
            issues={issues}
            disabled={running}
            first={first}
            onEdit={actions.edit}
            onGpu={actions.chooseGpu}
          />
          {issues.length > 0 && (
            <ul className="deploy-issues" aria-label="Problems with this deploy">
              {issues.map((issue) => (
                <li
                  key={`${issue.field}:${issue.message}`}
                  className={issue.severity === 'error' ? 'notice-error' : 'notice-warn'}
                >
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={hasErrors(issues) || state.busy || running}
            >
              Write files
            </button>
            {state.written && state.gcloudFound && (
              <button
                type="button"
                className="button button-primary"
                disabled={running || state.busy}
                onClick={() => void actions.deploy()}
              >
                Deploy now
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              Close
            </button>
          </div>
        </form>
      )}
      {state.error !== null && (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      )}
      {state.written && !state.gcloudFound && state.installHint && (
        <p className="notice notice-warn" role="status">
          Files written, nothing deployed. {state.installHint}
        </p>
      )}
      {state.written && <WrittenFiles written={state.written} />}
      {state.run && <DeployLog run={state.run} onCancel={() => void actions.cancel()} />}
      {state.added && (
        <p className="notice notice-ok" role="status">
          Service URL <code>{state.added.url}</code> — added as provider{' '}
          <strong>{state.added.provider}</strong>.
        </p>
      )}
      {state.spec && (
        <details className="deploy-existing">
          <summary>Use an existing service URL</summary>
          <form
            className="deploy-existing-form"
            onSubmit={(event) => {
              event.preventDefault()
              if (existingUrl.trim() !== '') void actions.addExisting(existingUrl.trim())
            }}
          >
            <label className="form-field" htmlFor={urlId}>
              <span>Service URL</span>
              <input
                id={urlId}
                className="input mono"
                placeholder="https://my-service-abc123-uc.a.run.app"
                value={existingUrl}
                onChange={(e) => setExistingUrl(e.target.value)}
              />
            </label>
            <button
              type="submit"
              className="button"
              disabled={state.busy || existingUrl.trim() === ''}
            >
              Add as provider {state.spec.service}
            </button>
          </form>
        </details>
      )}
    </Dialog>
  )
}
