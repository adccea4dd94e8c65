// The file changed on disk while there are edits: keep mine, take theirs, or look at the difference.
import { useState } from 'react'
import { ConfigDiffView } from './ConfigDiffView'

export interface ConflictBannerProps {
  theirs: string
  mine: string
  onKeepMine: () => void
  onTakeTheirs: () => void
}

export function ConflictBanner({ theirs, mine, onKeepMine, onTakeTheirs }: ConflictBannerProps) {
  const [showDiff, setShowDiff] = useState(false)
  return (
    <div className="notice notice-warn config-conflict" role="alert">
      <p>
        <strong>The file changed on disk</strong> (another editor, git pull, or another screen)
        while you have unsaved edits.
      </p>
      <div className="actions">
        <button type="button" className="button button-small" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button button-small" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button
          type="button"
          className="button button-small"
          aria-expanded={showDiff}
          onClick={() => setShowDiff((v) => !v)}
        >
          {showDiff ? 'Hide diff' : 'Show diff'}
        </button>
      </div>
      {showDiff && <ConfigDiffView theirs={theirs} mine={mine} />}
    </div>
  )
}
