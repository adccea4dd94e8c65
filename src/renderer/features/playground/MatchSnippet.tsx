// The text around a search hit, with the searched words marked.
import { Fragment } from 'react'
import { escapeRegExp, queryWords } from '../../../shared/conversation-list'

/** Splits on the query's words (any case), so odd indexes are the hits. */
function splitOnWords(text: string, query: string): string[] {
  const words = queryWords(query).map(escapeRegExp)
  if (words.length === 0) return [text]
  // Longest first, so "sort" inside "sorting" does not hide the longer word.
  words.sort((a, b) => b.length - a.length)
  return text.split(new RegExp(`(${words.join('|')})`, 'gi'))
}

export function MatchSnippet({ text, query }: { text: string; query: string }) {
  return (
    <span className="conversation-snippet">
      {splitOnWords(text, query).map((part, index) => (
        <Fragment key={index}>{index % 2 === 1 ? <mark>{part}</mark> : part}</Fragment>
      ))}
    </span>
  )
}
