// Saved conversations of this workspace: search, open, rename, delete, start a new one, export, clear.
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ConversationList } from './ConversationList'
import { ConversationSearch } from './ConversationSearch'
import { useConversationSearchStore } from './conversation-search-store'
import { usePlaygroundStore } from './playground-store'
import './conversation-list.css'

/** What is waiting for a yes: clearing the open conversation, or deleting a saved one. */
type Pending = { kind: 'clear' } | { kind: 'delete'; id: string; title: string } | null

export function ConversationsPanel() {
  const {
    saved,
    currentId,
    hasTurns,
    busy,
    open,
    rename,
    remove,
    newConversation,
    exportAs,
    clear,
  } = usePlaygroundStore(
    useShallow((s) => ({
      saved: s.saved,
      currentId: s.conversation.id,
      hasTurns: s.conversation.turns.length > 0,
      busy: s.active !== null,
      open: s.open,
      rename: s.rename,
      remove: s.remove,
      newConversation: s.newConversation,
      exportAs: s.exportAs,
      clear: s.clear,
    })),
  )
  const search = useConversationSearchStore(
    useShallow((s) => ({ query: s.query, results: s.results, clear: s.clear })),
  )
  // The saved list changed (a save, rename or delete): the hits are asked for again.
  useEffect(() => {
    if (saved.state === 'ready') void useConversationSearchStore.getState().refresh()
  }, [saved])
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
      <ConversationSearch />
      <ConversationList
        saved={saved}
        results={search.results}
        query={search.query}
        currentId={currentId}
        busy={busy}
        onOpen={(id) => void open(id)}
        onRename={rename}
        onDelete={(c) => setPending({ kind: 'delete', id: c.id, title: c.title })}
        onClearSearch={search.clear}
      />
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
