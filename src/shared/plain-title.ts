// Conversation titles as plain text: the first line of a prompt with its Markdown marks taken out.

export const TITLE_LENGTH = 60
export const UNTITLED = 'New conversation'

/** A line that is only a code fence (```ts, ~~~) or a rule (---, ***) says nothing as a title. */
const EMPTY_LINE = /^\s*(?:(?:`{3,}|~{3,})\S*|[-*_]{3,})\s*$/

const LINE_MARKERS: RegExp[] = [
  /^\s{0,3}#{1,6}(?:\s+|$)/, // # Heading
  /^\s{0,3}(?:>\s?)+/, // > quote
  /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, // - item, 1. item, - [x] task
]

const INLINE: [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // ![alt](src) → alt
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // [text](url) → text
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // [text][ref] → text
  [/<((?:https?|mailto):[^>\s]+)>/g, '$1'], // <https://…> → https://…
  [/<\/?[A-Za-z][^>]*>/g, ''], // <b>, </i>, <br/>
  [/(`+)(.+?)\1/g, '$2'], // `code`, ``co`de``
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'], // **bold**, __bold__
  [/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'], // ~~struck~~
  [/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2'], // *em* (not 2 * 3 * 4)
  [/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2'], // _em_ (not snake_case_names)
]

/** Marks left unpaired, e.g. by a title cut at 60 characters before its closing `**`. */
const STRAY = /\*\*|__|~~|`/g

/** Backslash-escaped marks (\\*) are text: parked in the private-use area while marks go. */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!~>|<])/g
const PARKED = /[\uE000-\uE07F]/g
const PARK_BASE = 0xe000

/** `text` without Markdown marks, on one line (inner whitespace collapsed), not shortened. */
export function plainText(text: string): string {
  const line = text
    .replace(ESCAPED, (_, mark: string) => String.fromCharCode(PARK_BASE + mark.charCodeAt(0)))
    .replace(/\s+/g, ' ')
    .trim()
  let plain = LINE_MARKERS.reduce((out, marker) => out.replace(marker, ''), line)
  plain = INLINE.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), plain)
  return plain
    .replace(STRAY, '')
    .replace(PARKED, (parked) => String.fromCharCode(parked.charCodeAt(0) - PARK_BASE))
    .replace(/\s+/g, ' ')
    .trim()
}

/** A title from a prompt: its first line that says something, as plain text, at most 60 chars. */
export function titleFromPrompt(prompt: string): string {
  for (const line of prompt.split('\n')) {
    if (EMPTY_LINE.test(line)) continue
    const plain = plainText(line)
    if (plain !== '') return shorten(plain)
  }
  return UNTITLED
}

/** A stored title as shown: plain text (titles saved before they were stripped had marks). */
export function plainTitle(title: string): string {
  return plainText(title) || UNTITLED
}

function shorten(text: string): string {
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text
}
