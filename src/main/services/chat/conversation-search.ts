// Finding saved conversations by text: every word of the query in the title or a message.
import type { Conversation, ConversationMatch } from '../../../shared/chat'
import { escapeRegExp, queryWords } from '../../../shared/conversation-list'
import { plainText } from '../../../shared/plain-title'

/** What a conversation is searched by, kept in memory between searches. */
export interface SearchableConversation {
  title: string
  turns: { role: 'user' | 'assistant'; content: string }[]
}

const SNIPPET_BEFORE = 30
const SNIPPET_AFTER = 70

export function searchableOf(conversation: Conversation, title: string): SearchableConversation {
  return {
    title,
    turns: conversation.turns.map((turn) => ({ role: turn.role, content: turn.content })),
  }
}

/** The query's words, case-insensitive patterns (a word is any run without whitespace). */
export function searchTerms(query: string): RegExp[] {
  return queryWords(query).map((word) => new RegExp(escapeRegExp(word), 'i'))
}

/** Where the query is found, or null when a word is missing from the whole conversation. */
export function findMatch(
  searchable: SearchableConversation,
  terms: readonly RegExp[],
): ConversationMatch | null {
  if (terms.length === 0) return null
  const inTitle = terms.filter((term) => term.test(searchable.title))
  const rest = terms.filter((term) => !inTitle.includes(term))
  if (rest.length === 0) return { field: 'title', snippet: '' }
  if (!rest.every((term) => searchable.turns.some((turn) => term.test(turn.content)))) return null
  // The words the title does not show, seen in the first message that holds one of them.
  const first = rest[0]!
  const turn = searchable.turns.find((t) => first.test(t.content))!
  return {
    field: turn.role === 'user' ? 'prompt' : 'answer',
    snippet: snippetAround(turn.content, first),
  }
}

/** A line of plain text around the first hit of `term`, with … where it was cut. */
export function snippetAround(text: string, term: RegExp): string {
  const at = term.exec(text)?.index ?? 0
  const start = Math.max(0, at - SNIPPET_BEFORE)
  const end = Math.min(text.length, at + SNIPPET_AFTER)
  const window = plainText(text.slice(start, end))
  return `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}`
}
