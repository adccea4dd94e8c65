// "Show diff" of a conflict: the file on disk (theirs, −) against the edits (mine, +), sides labelled;
// formatting-only changes are said as such, and every text change is one checkbox away.
import { useId, useMemo, useState } from 'react'
import type { DiffLine } from '../../../shared/line-diff'
import { diffLines } from '../../../shared/line-diff'
import { compareConfigTexts } from './config-diff'

export const THEIRS_LABEL = 'On disk (theirs)'
export const MINE_LABEL = 'Your edits (mine)'

const MARK = { same: '  ', removed: '− ', added: '+ ' } as const
const SIDE = { same: 'Both', removed: THEIRS_LABEL, added: MINE_LABEL } as const

function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <pre
      className="config-diff"
      aria-label={`Differences: ${THEIRS_LABEL} (−) against ${MINE_LABEL} (+)`}
    >
      {lines.map((line, index) => (
        <div key={index} className={`diff-${line.kind}`} title={SIDE[line.kind]}>
          {MARK[line.kind]}
          {line.text}
        </div>
      ))}
    </pre>
  )
}

export function ConfigDiffView({ theirs, mine }: { theirs: string; mine: string }) {
  const [everyChange, setEveryChange] = useState(false)
  const checkboxId = useId()
  const diff = useMemo(() => compareConfigTexts(theirs, mine), [theirs, mine])
  const raw = useMemo(
    () => (everyChange ? diffLines(theirs, mine) : []),
    [everyChange, theirs, mine],
  )
  return (
    <div className="config-diff-view">
      <p className="config-diff-legend">
        <span className="diff-removed">− {THEIRS_LABEL}</span>
        <span className="diff-added">+ {MINE_LABEL}</span>
      </p>
      {diff.kind === 'formatting-only' ? (
        <p className="notice notice-ok" role="status">
          Only formatting differs (whitespace, indentation or key order): both sides hold the same
          values, so keeping yours or taking theirs changes no setting.
        </p>
      ) : (
        diff.normalized && (
          <p className="muted">
            Compared as JSON values: whitespace and indentation are not counted as changes.
          </p>
        )
      )}
      <label className="config-diff-toggle" htmlFor={checkboxId}>
        <input
          id={checkboxId}
          type="checkbox"
          checked={everyChange}
          onChange={(event) => setEveryChange(event.target.checked)}
        />{' '}
        Show every text change (formatting too)
      </label>
      {everyChange ? (
        <DiffLines lines={raw} />
      ) : (
        diff.kind === 'values' && <DiffLines lines={diff.lines} />
      )}
    </div>
  )
}
