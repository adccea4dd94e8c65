// Saved conversations of this workspace: open, delete, start a new one, export, clear.
import { useShallow } from 'zustand/react/shallow'
import { usePlaygroundStore } from './playground-store'

export function ConversationsPanel() {
  const { saved, currentId, hasTurns, busy, open, remove, newConversation, exportAs, clear } =
    usePlaygroundStore(
      useShallow((s) => ({
        saved: s.saved,
        currentId: s.conversation.id,
        hasTurns: s.conversation.turns.length > 0,
        busy: s.active !== null,
        open: s.open,
        remove: s.remove,
        newConversation: s.newConversation,
        exportAs: s.exportAs,
        clear: s.clear,
      })),
    )
  return (
    <section className="side-section" aria-labelledby="conversations-title">
      <h2 id="conversations-title" className="side-title">
        Conversations
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={newConversation}
        >
          New conversation
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!hasTurns}
          onClick={() => void clear()}
        >
          Clear conversation
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={!hasTurns || busy}
          onClick={() => void exportAs('markdown')}
        >
          Export Markdown
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!hasTurns || busy}
          onClick={() => void exportAs('json')}
        >
          Export JSON
        </button>
      </div>
      {saved.state === 'loading' && <p className="hint">Loading conversations…</p>}
      {saved.state === 'error' && <p className="field-note field-note-warn">{saved.message}</p>}
      {saved.state === 'ready' && saved.value.length === 0 && (
        <p className="hint">
          Nothing saved yet: conversations are kept here after the first answer.
        </p>
      )}
      {saved.state === 'ready' && saved.value.length > 0 && (
        <ul className="conversation-list">
          {saved.value.map((c) => (
            <li
              key={c.id}
              className={c.id === currentId ? 'conversation-item current' : 'conversation-item'}
            >
              <button
                type="button"
                className="conversation-open"
                aria-current={c.id === currentId ? 'true' : undefined}
                disabled={busy}
                title={`${c.turnCount} turns · ${new Date(c.updatedAt).toLocaleString()}`}
                onClick={() => void open(c.id)}
              >
                {c.title}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete conversation ${c.title}`}
                title="Delete"
                disabled={busy && c.id === currentId}
                onClick={() => void remove(c.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
