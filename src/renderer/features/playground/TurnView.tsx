// One turn of the conversation: a prompt (editable and resendable) or an answer with its metrics,
// versions and Continue.
import { memo, useState } from 'react'
import type { AssistantTurn, UserTurn } from '../../../shared/chat'
import { shownIndex, versionCount } from '../../../shared/answer-versions'
import { AnswerBody } from './AnswerBody'
import { ChatErrorNotice } from './ChatErrorNotice'
import { CopyButton } from '../../components/CopyButton'
import { MetricsLine } from './MetricsLine'
import { canContinue } from './conversation-ops'
import { RouteLine } from './RouteLine'
import { VersionSwitcher } from './VersionSwitcher'

/** Longer prompts (pasted documents) show their start until asked: laying out 200 kB costs seconds. */
const LONG_PROMPT_CHARS = 3000

export interface UserTurnViewProps {
  turn: UserTurn
  busy: boolean
  onResend: (turnId: string, prompt: string) => void
}

export const UserTurnView = memo(function UserTurnView({
  turn,
  busy,
  onResend,
}: UserTurnViewProps) {
  const [editing, setEditing] = useState<string | null>(null)
  const [expanded, setExpanded] = useState(false)
  if (editing !== null) {
    const resend = () => {
      if (editing.trim() === '') return
      setEditing(null)
      onResend(turn.id, editing)
    }
    return (
      <article className="turn turn-user turn-editing" aria-label="Edit prompt">
        <label className="field">
          <span className="field-label">Edited prompt</span>
          <textarea
            className="input textarea"
            value={editing}
            rows={Math.min(10, Math.max(3, editing.split('\n').length))}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                resend()
              } else if (e.key === 'Escape') {
                // Esc leaves the edit (and is not also a Stop).
                e.preventDefault()
                setEditing(null)
              }
            }}
            onFocus={(e) => {
              // Editing goes on from the end of the prompt, not its first character.
              const end = e.currentTarget.value.length
              e.currentTarget.setSelectionRange(end, end)
            }}
            autoFocus
          />
        </label>
        <div className="turn-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={resend}>
            Resend
          </button>
          <button type="button" className="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
          <span className="hint">Answers after this prompt are replaced.</span>
        </div>
      </article>
    )
  }
  const long = turn.content.length > LONG_PROMPT_CHARS
  return (
    <article className="turn turn-user" aria-label="Your prompt">
      <div className="turn-text">
        {long && !expanded ? `${turn.content.slice(0, LONG_PROMPT_CHARS)}…` : turn.content}
      </div>
      <div className="turn-actions">
        {long && (
          <button
            type="button"
            className="button button-small"
            aria-expanded={expanded}
            onClick={() => setExpanded((v) => !v)}
          >
            {expanded ? 'Show less' : `Show all ${turn.content.length.toLocaleString()} characters`}
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => setEditing(turn.content)}
        >
          Edit
        </button>
      </div>
    </article>
  )
})

export interface AssistantTurnViewProps {
  turn: AssistantTurn
  isLast: boolean
  busy: boolean
  onRegenerate: () => void
  onContinue: () => void
  onShowVersion: (turnId: string, index: number) => void
}

export const AssistantTurnView = memo(function AssistantTurnView({
  turn,
  isLast,
  busy,
  onRegenerate,
  onContinue,
  onShowVersion,
}: AssistantTurnViewProps) {
  const streaming = turn.status === 'streaming'
  return (
    <article className="turn turn-assistant" aria-label="Answer" aria-busy={streaming}>
      {streaming && turn.content === '' ? (
        <p className="turn-waiting">Waiting for the first token…</p>
      ) : turn.content !== '' || turn.error?.code === 'invalid_json' ? (
        <AnswerBody turn={turn} />
      ) : null}
      {turn.status === 'stopped' && <p className="turn-note">Stopped.</p>}
      {turn.status === 'interrupted' && (
        <p className="turn-note">
          Interrupted: the page was reloaded or closed before the answer finished
          {turn.content === '' ? ', and nothing had arrived yet' : '; this is what had arrived'}.
        </p>
      )}
      {turn.continued && !streaming && (
        <p className="turn-note">
          Continued after it was cut short; the metrics are the last part’s.
        </p>
      )}
      {turn.error && turn.error.code !== 'invalid_json' && (
        <ChatErrorNotice
          error={turn.error}
          {...(isLast && !busy ? { onRetry: onRegenerate } : {})}
        />
      )}
      {turn.error?.code === 'invalid_json' && <p className="turn-note">{turn.error.message}</p>}
      <MetricsLine metrics={turn.metrics} used={turn.used} failed={turn.status === 'error'} />
      <RouteLine
        attempts={turn.error?.attempts ?? turn.used?.attempts}
        answered={turn.error ? null : turn.used}
      />
      <div className="turn-actions">
        <VersionSwitcher
          index={shownIndex(turn)}
          count={versionCount(turn)}
          disabled={busy}
          onShow={(index) => onShowVersion(turn.id, index)}
        />
        {!streaming && (
          <>
            <CopyButton label="Copy answer" text={() => turn.error?.text ?? turn.content} />
            {isLast && canContinue(turn) && (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                title="Send the answer so far back for the model to go on from where it stopped"
                onClick={onContinue}
              >
                Continue
              </button>
            )}
            {isLast && (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                title="Answer again as a new version; this one is kept"
                onClick={onRegenerate}
              >
                Regenerate
              </button>
            )}
          </>
        )}
      </div>
    </article>
  )
})
