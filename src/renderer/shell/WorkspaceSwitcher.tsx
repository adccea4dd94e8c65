// "Switch workspace" (from the status bar, or Ctrl/Cmd+O in a browser): recent workspaces the
// server allows, and open by path; the server checks confinement, this only shows its answer.
import type { FormEvent } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { WorkspaceOverview } from '../../shared/workspace-contract'
import { Dialog } from '../components/Dialog'
import { getAppApi } from '../platform/current-api'
import { useNavigationStore } from '../stores/navigation-store'
import { useWorkspaceSwitcherStore } from '../stores/workspace-switcher-store'
import { isMacPlatform } from './keyboard'
import './workspace-switcher.css'

/** Ctrl/Cmd+O opens the switcher in a browser; the desktop app's menu owns that shortcut. */
export function useWorkspaceShortcut(): void {
  useEffect(() => {
    if (getAppApi().transport === 'electron') return
    const mac = isMacPlatform()
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
      if (!modifier || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'o') return
      event.preventDefault()
      useWorkspaceSwitcherStore.getState().show()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

function allowedText(overview: WorkspaceOverview): string {
  if (overview.allowedRoots === null) return 'Any folder on this computer can be opened.'
  return `This server opens workspaces under ${overview.allowedRoots.join(', ')} only (serve --allow-root adds folders).`
}

function RecentList({ overview }: { overview: WorkspaceOverview }) {
  const { open, opening } = useWorkspaceSwitcherStore(
    useShallow((s) => ({ open: s.open, opening: s.opening })),
  )
  if (overview.recent.length === 0) {
    return <p className="muted">No other recent workspace yet: open one by path below.</p>
  }
  return (
    <ul className="workspace-recent" aria-label="Recent workspaces">
      {overview.recent.map((choice) => (
        <li key={choice.path}>
          <button
            type="button"
            className="button workspace-choice"
            title={choice.path}
            disabled={opening !== null}
            aria-label={`Open ${choice.name} (${choice.path})`}
            onClick={() => void open(choice.path)}
          >
            <span className="workspace-choice-name">{choice.name}</span>
            <span className="workspace-choice-path mono">{choice.path}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}

export function WorkspaceSwitcher() {
  const { isOpen, overview, opening, error, hide, open } = useWorkspaceSwitcherStore(
    useShallow((s) => ({
      isOpen: s.isOpen,
      overview: s.overview,
      opening: s.opening,
      error: s.error,
      hide: s.hide,
      open: s.open,
    })),
  )
  const unsaved = useNavigationStore((s) => s.leaveGuard !== null)
  const [path, setPath] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const pathId = useId()
  const errorId = useId()
  if (!isOpen) return null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (path.trim() === '') return
    void open(path.trim()).then((opened) => opened && setPath(''))
  }

  return (
    <Dialog
      title="Switch workspace"
      className="workspace-switcher"
      initialFocus={inputRef}
      onCancel={hide}
    >
      <div className="dialog-body">
        {overview.state === 'loading' && <p role="status">Loading workspaces…</p>}
        {overview.state === 'error' && (
          <p className="notice notice-error" role="alert">
            The workspaces could not be listed: {overview.message}
          </p>
        )}
        {overview.state === 'ready' && (
          <>
            <p>
              Open now: <code className="workspace-current">{overview.value.current}</code>
            </p>
            <h3 className="workspace-heading">Recent workspaces</h3>
            <RecentList overview={overview.value} />
          </>
        )}
        <form className="workspace-open-form" onSubmit={submit}>
          <label htmlFor={pathId} className="workspace-heading">
            Open by path
          </label>
          <div className="workspace-open-row">
            <input
              id={pathId}
              ref={inputRef}
              className="input mono"
              value={path}
              placeholder="/home/you/mindX"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              onChange={(event) => setPath(event.target.value)}
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={opening !== null || path.trim() === ''}
            >
              {opening !== null ? 'Opening…' : 'Open'}
            </button>
          </div>
          {overview.state === 'ready' && <p className="muted">{allowedText(overview.value)}</p>}
        </form>
        {error !== null && (
          <p id={errorId} className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        {unsaved && (
          <p className="notice notice-warn">
            This screen has unsaved edits: opening another workspace discards them.
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={hide}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
