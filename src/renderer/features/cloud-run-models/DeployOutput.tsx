// What a deploy produced: the files written, the command to copy, the live gcloud log, the URL and provider.
import { useEffect, useRef } from 'react'
import type { WrittenDeployFiles } from '../../../shared/deploy'
import { CopyButton } from '../../components/CopyButton'
import type { DeployRun } from './deploy-store'

export function WrittenFiles({ written }: { written: WrittenDeployFiles }) {
  return (
    <section className="deploy-section" aria-label="Written files">
      <h3>
        Files written to <code>{written.dir}</code> in the workspace
      </h3>
      {written.files.map((file) => (
        <details key={file.path} className="deploy-file">
          <summary className="mono">{file.path.split('/').at(-1)}</summary>
          <pre aria-label={`Contents of ${file.path.split('/').at(-1) ?? file.path}`}>
            {file.content}
          </pre>
        </details>
      ))}
      <div className="deploy-command">
        <h3>Command</h3>
        <CopyButton label="Copy command" text={() => written.command} />
      </div>
      <pre className="deploy-command-text" aria-label="Deploy command">
        {written.command}
      </pre>
    </section>
  )
}

export function DeployLog({ run, onCancel }: { run: DeployRun; onCancel: () => void }) {
  const box = useRef<HTMLDivElement>(null)
  // Follow the newest line, as a terminal does.
  useEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight
  }, [run.log.length])
  return (
    <section className="deploy-section" aria-label="Deploy log">
      <div className="deploy-command">
        <h3>
          {run.state === 'running' ? 'Deploying…' : run.state === 'done' ? 'Deployed' : 'Failed'}
        </h3>
        {run.state === 'running' && (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div ref={box} className="deploy-log mono" role="log" aria-label="gcloud output">
        {run.log.map((line, i) => (
          <div key={i}>{line || '\u00a0'}</div>
        ))}
      </div>
      {run.state === 'failed' && (
        <p className="notice notice-error" role="alert">
          {run.message}
        </p>
      )}
    </section>
  )
}
