// "Write task_scores": the proposed models/<provider>.yaml changes as a diff; nothing is written until confirmed.
import { useRef } from 'react'
import type { TaskScoresProposal } from '../../../shared/bench'
import { Dialog } from '../../components/Dialog'
import { diffLines } from '../../../shared/line-diff'

const MARK = { same: ' ', added: '+', removed: '-' } as const

function FileDiff({ before, after }: { before: string | null; after: string }) {
  const lines = diffLines(before ?? '', after)
  // Long files: show the changed lines with two lines of context, not the whole file.
  const keep = new Set<number>()
  lines.forEach((l, i) => {
    if (l.kind !== 'same') for (let j = i - 2; j <= i + 2; j++) keep.add(j)
  })
  return (
    <pre className="bench-diff mono">
      {lines.map((l, i) =>
        keep.has(i) ? (
          <div key={i} className={`bench-diff-${l.kind}`}>
            {MARK[l.kind]} {l.text}
          </div>
        ) : keep.has(i - 1) ? (
          <div key={i} className="muted">
            …
          </div>
        ) : null,
      )}
    </pre>
  )
}

export function TaskScoresDialog(props: {
  proposal: TaskScoresProposal
  onConfirm: () => void
  onCancel: () => void
}) {
  const { proposal, onConfirm, onCancel } = props
  const cancelRef = useRef<HTMLButtonElement>(null)
  const empty = proposal.files.length === 0
  return (
    <Dialog
      title="Write task_scores"
      initialFocus={cancelRef}
      onCancel={onCancel}
      className="bench-dialog"
    >
      <div className="dialog-body">
        {empty ? (
          <p>No model in this run answered as itself (a Mock stand-in writes nothing).</p>
        ) : (
          <p>
            The pass rate of each model becomes <code>task_scores.{proposal.taskType}</code>. Each
            file is written atomically and the previous version kept as <code>.bak</code>; comments
            stay.
          </p>
        )}
        {proposal.files.map((f) => (
          <section key={f.path} aria-label={`Changes to ${f.path}`}>
            <h3 className="bench-subtitle mono">
              {f.path} {f.before === null ? '(new file)' : ''}
            </h3>
            <ul className="bench-changes">
              {f.changes.map((c) => (
                <li key={c.model}>
                  {c.model}: {c.previous === null ? 'new' : c.previous} → {c.next}
                </li>
              ))}
            </ul>
            <FileDiff before={f.before} after={f.after} />
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={empty}
          onClick={onConfirm}
        >
          Write
        </button>
      </div>
    </Dialog>
  )
}
