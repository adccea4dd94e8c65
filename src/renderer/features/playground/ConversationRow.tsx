// One saved conversation in the list: open it, rename it in place (Enter saves, Esc cancels), delete.
import { useEffect, useId, useRef, useState } from 'react'
import type { ConversationSummary } from '../../../shared/chat'
import { lastUseOf } from '../../../shared/chat'
import { errorMessage } from '../../platform/app-api'
import { fullDate, shortDate } from './conversation-dates'
import { MatchSnippet } from './MatchSnippet'

export interface ConversationRowProps {
  conversation: ConversationSummary
  current: boolean
  /** A stream is running: other conversations cannot be opened, the current one not deleted. */
  busy: boolean
  /** The search words, marked in the snippet. */
  query: string
  now: Date
  onOpen: (id: string) => void
  onRename: (id: string, title: string) => Promise<void>
  onDelete: (conversation: ConversationSummary) => void
}

const MATCHED_IN = { title: null, prompt: 'in a prompt', answer: 'in an answer' } as const

const EMPTY_TITLE =
  'A title needs at least one character: type one, or press Esc to keep the old one.'

export function ConversationRow(props: ConversationRowProps) {
  const { conversation: c, current, busy, query, now } = props
  const [editing, setEditing] = useState(false)
  const renameRef = useRef<HTMLButtonElement>(null)
  const metaId = useId()
  const when = lastUseOf(c)
  const matchedWhere = c.match ? MATCHED_IN[c.match.field] : null

  const refocus = useRef(false)
  const stopEditing = () => {
    refocus.current = true
    setEditing(false)
  }
  // Back where the rename started (once the row is drawn again), not at the top of the page.
  useEffect(() => {
    if (editing || !refocus.current) return
    refocus.current = false
    renameRef.current?.focus()
  }, [editing])

  if (editing) {
    return (
      <li className="conversation-item editing">
        <TitleEditor
          title={c.title}
          onCancel={stopEditing}
          onSave={async (title) => {
            await props.onRename(c.id, title)
            stopEditing()
          }}
        />
      </li>
    )
  }
  return (
    <li className={current ? 'conversation-item current' : 'conversation-item'}>
      <button
        type="button"
        className="conversation-open"
        aria-current={current ? 'true' : undefined}
        aria-describedby={metaId}
        aria-keyshortcuts="F2"
        disabled={busy}
        onClick={() => props.onOpen(c.id)}
        onKeyDown={(event) => {
          if (event.key !== 'F2') return
          event.preventDefault()
          setEditing(true)
        }}
      >
        <span className="conversation-title" title={c.title}>
          {c.title}
        </span>
        <span id={metaId} className="conversation-meta" aria-hidden="true">
          <time dateTime={when} title={`Last used ${fullDate(when)}`}>
            {shortDate(when, now)}
          </time>
          {matchedWhere && <span className="conversation-where"> · {matchedWhere}</span>}
          {c.match?.snippet && <MatchSnippet text={c.match.snippet} query={query} />}
        </span>
      </button>
      <button
        ref={renameRef}
        type="button"
        className="icon-button conversation-action conversation-rename"
        aria-label={`Rename conversation ${c.title}`}
        title="Rename (F2)"
        onClick={() => setEditing(true)}
      >
        ✎
      </button>
      <button
        type="button"
        className="icon-button conversation-action"
        aria-label={`Delete conversation ${c.title}`}
        title="Delete"
        disabled={busy && current}
        onClick={() => props.onDelete(c)}
      >
        ×
      </button>
    </li>
  )
}

interface TitleEditorProps {
  title: string
  onSave: (title: string) => Promise<void>
  onCancel: () => void
}

/** The title in a text box: Enter saves, Esc cancels, leaving the box saves a real change. */
function TitleEditor({ title, onSave, onCancel }: TitleEditorProps) {
  const [text, setText] = useState(title)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  /** Saved or cancelled: a blur as the box goes away must not save (or cancel) a second time. */
  const closed = useRef(false)
  const hintId = useId()
  const typed = text.replace(/\s+/g, ' ').trim()

  const cancel = () => {
    closed.current = true
    onCancel()
  }
  const save = async () => {
    if (closed.current) return
    if (typed === '') return setProblem(EMPTY_TITLE)
    if (typed === title) return cancel()
    closed.current = true
    setSaving(true)
    try {
      await onSave(typed)
    } catch (error) {
      closed.current = false
      setSaving(false)
      setProblem(`The title was not saved: ${errorMessage(error)}`)
    }
  }

  return (
    <div className="conversation-editor">
      <input
        className="input"
        aria-label="Conversation title"
        aria-describedby={hintId}
        aria-invalid={problem ? 'true' : undefined}
        value={text}
        maxLength={200}
        readOnly={saving}
        // The editor opens because the person asked for it: the box takes the keyboard at once.
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setText(event.target.value)
          setProblem(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            void save()
          } else if (event.key === 'Escape') {
            // Handled here: Esc on the Playground also stops a stream, not wanted for this Esc.
            event.preventDefault()
            cancel()
          }
        }}
        onBlur={() => {
          if (closed.current) return
          if (typed === '' || typed === title) cancel()
          else void save()
        }}
      />
      {problem ? (
        <p id={hintId} className="field-note field-note-warn" role="alert">
          {problem}
        </p>
      ) : (
        <p id={hintId} className="hint">
          {saving ? 'Saving…' : 'Enter saves · Esc cancels'}
        </p>
      )}
    </div>
  )
}
