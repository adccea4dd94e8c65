// Saved conversations of this workspace: open, delete, start a new one, export, clear.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { usePlaygroundStore } from './playground-store'

/** What is waiting for a yes: clearing the open conversation, or deleting a saved one. */
type Pending = { kind: 'clear' } | { kind: 'delete'; id: string; title: string } | null

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
  const [pending, setPending] = useState<Pending>(null)
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
          onClick={() => setPending({ kind: 'clear' })}
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
                onClick={() => setPending({ kind: 'delete', id: c.id, title: c.title })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === 'clear' ? 'Clear this conversation?' : `Delete “${pending.title}”?`
          }
          confirmLabel={pending.kind === 'clear' ? 'Clear' : 'Delete'}
          tone="danger"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null)
            void (pending.kind === 'clear' ? clear() : remove(pending.id))
          }}
        >
          <p>
            {pending.kind === 'clear'
              ? 'Its prompts and answers are removed, and it is deleted from the saved conversations.'
              : 'The saved conversation is deleted from this workspace.'}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
