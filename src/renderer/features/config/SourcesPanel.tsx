// Global config files and .env, read-only (keys masked), with "open in system editor" or the path to copy.
import { useState } from 'react'
import type { ConfigSourceFile } from '../../../shared/studio-config'
import { fileName } from '../../components/provenance-text'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'

const ROLE_TEXT: Record<ConfigSourceFile['role'], string> = {
  'global-json': 'global config (data/config)',
  'models-yaml': 'mindX model file (merged under llm.<file name>, read-only)',
  'workspace-json': 'global config (workspace root, read after data/config)',
  dotenv: 'environment file (keys masked)',
}

/** Electron opens the file; serve mode cannot reach the desktop, so it offers the path to copy. */
export function OpenFileButton({ path }: { path: string }) {
  const [message, setMessage] = useState<string | null>(null)
  const api = getAppApi()
  if (api.transport !== 'electron') {
    return (
      <span className="actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`Copy path of ${fileName(path)}`}
          onClick={() =>
            void navigator.clipboard.writeText(path).then(
              () => setMessage('Copied'),
              () => setMessage('Copy failed: select the path and copy it'),
            )
          }
        >
          Copy path
        </button>
        {message && (
          <span role="status" className="muted">
            {message}
          </span>
        )}
      </span>
    )
  }
  return (
    <span className="actions">
      <button
        type="button"
        className="button button-small"
        aria-label={`Open ${fileName(path)} in the system editor`}
        onClick={() =>
          void api.config.openInEditor({ path }).then(
            () => setMessage(null),
            (error: unknown) => setMessage(errorMessage(error)),
          )
        }
      >
        Open in editor
      </button>
      {message && <span role="alert">{message}</span>}
    </span>
  )
}

export function SourcesPanel({ sources }: { sources: Loadable<ConfigSourceFile[]> }) {
  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">Global config and .env (read-only)</h2>
      {sources.state === 'loading' && <p className="muted">Reading…</p>}
      {sources.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {sources.message}
        </p>
      )}
      {sources.state === 'ready' && (
        <ul className="sources-list">
          {sources.value.map((file) => (
            <li key={file.path}>
              <details>
                <summary>
                  <code>{fileName(file.path)}</code>{' '}
                  <span className="muted">{ROLE_TEXT[file.role]}</span>
                  {!file.exists && <span className="chip">not present</span>}
                  {file.warning && <span className="chip chip-warn">skipped by mindX</span>}
                </summary>
                <div className="source-body">
                  <div className="actions">
                    <code className="source-path">{file.path}</code>
                    {file.exists && <OpenFileButton path={file.path} />}
                  </div>
                  {file.warning && (
                    <p className="notice notice-warn">
                      {file.warning.line}:{file.warning.column}: {file.warning.message}
                    </p>
                  )}
                  {file.exists && <pre className="source-text">{file.text}</pre>}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
