// Splits Markdown at blank lines outside code fences, so a growing answer re-renders only its last block.

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * Top-level blocks in order; joining them with '\n\n' gives back the text up to blank-line runs.
 * A fence stays whole (blank lines inside code do not split), even while it is still open.
 */
export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = []
  let current: string[] = []
  let fence: string | null = null
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1]
    if (marker) {
      if (fence === null) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null
    }
    if (fence === null && line.trim() === '') {
      if (current.length > 0) blocks.push(current.join('\n'))
      current = []
      continue
    }
    current.push(line)
  }
  if (current.length > 0) blocks.push(current.join('\n'))
  return blocks
}
