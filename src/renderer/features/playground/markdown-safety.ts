// What model-written Markdown may do: links to http(s)/mailto only, raw HTML shown as text, no fetches.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** react-markdown's urlTransform: http(s)/mailto pass, anything else (javascript:, data:, file:, relative) becomes ''. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim())
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : ''
  } catch {
    return ''
  }
}

/** Links that open in the system browser: http(s) only (mailto stays a plain link). */
export function isExternalHttpUrl(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url)
}

interface MdNode {
  type: string
  value?: string
  children?: MdNode[]
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

function htmlToText(node: MdNode): void {
  if (!node.children) return
  node.children = node.children.map((child) => {
    if (child.type !== 'html') {
      htmlToText(child)
      return child
    }
    const text: MdNode = { type: 'text', value: child.value ?? '' }
    // A block of HTML becomes a paragraph of its source text, so the page still flows.
    return FLOW_PARENTS.has(node.type) ? { type: 'paragraph', children: [text] } : text
  })
}

/**
 * A remark plugin: raw HTML from the model is shown as the literal text it is (visible, inert) rather
 * than parsed, or silently dropped. There is no rehype-raw anywhere, so no HTML is ever interpreted.
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => htmlToText(tree)
}

// ---------------------------------------------------------------------------------------------
// Render limits. react-markdown parses and renders recursively: thousands of nested `>` overflow
// the stack, a few hundred nested list levels take seconds per level more, and a multi-megabyte
// line takes tens of seconds. Such a block is shown as plain text instead; no answer a person
// would write comes near these limits.

/** Characters in one block (text between blank lines) rendered as Markdown. */
export const MAX_MARKDOWN_BLOCK_CHARS = 100_000
/** Characters in one line rendered as Markdown. */
export const MAX_MARKDOWN_LINE_CHARS = 20_000
/** Nested quotes and list levels, and nested emphasis / link brackets. */
export const MAX_MARKDOWN_NESTING = 32

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/
const CONTAINER_MARKER = /(?:>|[-*+]|\d{1,9}[.)])(?=[ \t>]|$)/y

/** Quote and list markers opening one line, and the column of its first list marker (or -1). */
function containerPrefix(line: string): { markers: number; listColumn: number } {
  let markers = 0
  let listColumn = -1
  let column = 0
  let i = 0
  while (i < line.length) {
    const ch = line[i]
    if (ch === ' ' || ch === '\t') {
      column += ch === '\t' ? 4 - (column % 4) : 1
      i++
      continue
    }
    CONTAINER_MARKER.lastIndex = i
    const marker = CONTAINER_MARKER.exec(line)?.[0]
    if (marker === undefined) break
    if (marker !== '>' && listColumn < 0) listColumn = column
    markers++
    i += marker.length
    column += marker.length
  }
  return { markers, listColumn }
}

const EMPHASIS = new Set(['*', '_', '~'])
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch)
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/**
 * Where a code span starting at `start` ends (its closing backticks), or the end of its run.
 * `unclosed` remembers run lengths with no closer further on, so a line of lone backticks stays linear.
 */
function codeSpanEnd(line: string, start: number, unclosed: Set<number>): number {
  let end = start
  while (line[end + 1] === '`') end++
  const run = end - start + 1
  if (unclosed.has(run)) return end
  const close = line.indexOf('`'.repeat(run), end + 1)
  if (close >= 0) return close + run - 1
  unclosed.add(run)
  return end
}

/** An upper bound of how deep emphasis and link brackets nest in one line (carried across lines). */
function inlineNesting(line: string, depth: { now: number; max: number }): void {
  const unclosed = new Set<number>()
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (ch === '`') {
      i = codeSpanEnd(line, i, unclosed)
      continue
    }
    if (ch === '[') depth.now++
    else if (ch === ']') depth.now = Math.max(0, depth.now - 1)
    else if (EMPHASIS.has(ch)) {
      let end = i
      while (line[end + 1] === ch) end++
      const run = end - i + 1
      const before = line[i - 1]
      const after = line[end + 1]
      const opens = !isSpace(after) && !isWordChar(before)
      const closes = !isSpace(before) && !isWordChar(after)
      if (opens && !closes) depth.now += run
      else if (closes && !opens) depth.now = Math.max(0, depth.now - run)
      i = end
    }
    depth.max = Math.max(depth.max, depth.now)
  }
}

/**
 * Why this Markdown block should not go through react-markdown (too long, or nested too deep),
 * or null when it is fine. Linear in the block's length: it runs before every render.
 */
export function markdownRenderRisk(block: string): string | null {
  if (block.length > MAX_MARKDOWN_BLOCK_CHARS) {
    return `it is ${block.length.toLocaleString('en-US')} characters without a blank line`
  }
  const listColumns: number[] = []
  const inline = { now: 0, max: 0 }
  let fence: string | null = null
  for (const line of block.split('\n')) {
    if (line.length > MAX_MARKDOWN_LINE_CHARS) {
      return `one line is ${line.length.toLocaleString('en-US')} characters long`
    }
    const marker = FENCE_LINE.exec(line)?.[1]
    if (marker) {
      if (fence === null) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null
      continue
    }
    if (fence !== null) continue // code is shown as it is: no nesting inside
    const { markers, listColumn } = containerPrefix(line)
    let depth = markers
    if (listColumn >= 0) {
      while (listColumns.length > 0 && listColumns[listColumns.length - 1]! >= listColumn) {
        listColumns.pop()
      }
      listColumns.push(listColumn)
      depth = listColumns.length + markers - 1
    }
    if (depth > MAX_MARKDOWN_NESTING) return `it nests ${depth} levels deep`
    inlineNesting(line, inline)
    if (inline.max > MAX_MARKDOWN_NESTING) {
      return `its emphasis or links nest more than ${MAX_MARKDOWN_NESTING} levels deep`
    }
  }
  return null
}
