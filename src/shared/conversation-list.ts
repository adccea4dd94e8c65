// What the saved-conversation list accepts: a title typed in a rename, a search query.
import { z } from 'zod'

export const TITLE_MAX = 200

/** A typed title: whitespace (newlines too) collapsed, then one to 200 characters. */
export const conversationTitleSchema = z
  .string()
  .max(10_000)
  .transform((title) => title.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'A title needs at least one character (Esc keeps the old one).')
      .max(TITLE_MAX, `A title has at most ${TITLE_MAX} characters.`),
  )

export const conversationQuerySchema = z.string().max(500)

/** A query's distinct words, lower case (a word is any run without whitespace), at most 12. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 12)
}

/** `text` as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
