// Saved conversations, last used first, in day groups (Today, Yesterday, Earlier) — or search hits.
import type { ConversationSummary } from '../../../shared/chat'
import { lastUseOf } from '../../../shared/chat'
import type { Loadable } from '../../stores/shell-store'
import { groupByDay } from './conversation-dates'
import type { ConversationRowProps } from './ConversationRow'
import { ConversationRow } from './ConversationRow'

export interface ConversationListProps extends Pick<
  ConversationRowProps,
  'busy' | 'onOpen' | 'onRename' | 'onDelete'
> {
  saved: Loadable<ConversationSummary[]>
  /** With a query: the search's answer (null while the box is empty). */
  results: Loadable<ConversationSummary[]> | null
  query: string
  currentId: string
  onClearSearch: () => void
}

export function ConversationList(props: ConversationListProps) {
  const { saved, results, query } = props
  const searching = results !== null
  const shown = results ?? saved
  if (shown.state === 'loading') {
    return <p className="hint">{searching ? 'Searching…' : 'Loading conversations…'}</p>
  }
  if (shown.state === 'error') {
    return (
      <p className="field-note field-note-warn" role="alert">
        {searching ? `The search failed: ${shown.message}` : shown.message}
      </p>
    )
  }
  if (shown.value.length === 0) {
    if (!searching) {
      return (
        <p className="hint">
          Nothing saved yet: conversations are kept here after the first answer.
        </p>
      )
    }
    return (
      <div className="conversation-no-match" role="status">
        <p className="hint">No conversation matches “{query.trim()}”.</p>
        <button type="button" className="button button-small" onClick={props.onClearSearch}>
          Show all conversations
        </button>
      </div>
    )
  }
  const now = new Date()
  return (
    <>
      {searching && (
        <p className="hint" role="status">
          {shown.value.length === 1
            ? '1 conversation matches'
            : `${shown.value.length} conversations match`}
        </p>
      )}
      {groupByDay(shown.value, lastUseOf, now).map(({ group, items }) => (
        <section key={group} className="conversation-group" aria-label={group}>
          <h3 className="conversation-group-title">{group}</h3>
          <ul className="conversation-list">
            {items.map((c) => (
              <ConversationRow
                key={c.id}
                conversation={c}
                current={c.id === props.currentId}
                busy={props.busy}
                query={query}
                now={now}
                onOpen={props.onOpen}
                onRename={props.onRename}
                onDelete={props.onDelete}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
