// A line diff (longest common subsequence): config "Show diff", Bench's task_scores preview.

export interface DiffLine {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface DiffOptions {
  /** Lines compare equal when their keys do (e.g. whitespace collapsed); equal lines show `after`'s text. */
  lineKey?: (line: string) => string
}

/** A line's key with leading, trailing and repeated whitespace ignored. */
export const ignoringWhitespace = (line: string): string => line.trim().replace(/\s+/g, ' ')

/** Lines of `after` against `before`: removed lines come before the lines that replace them. */
export function diffLines(before: string, after: string, options: DiffOptions = {}): DiffLine[] {
  const textA = before.split('\n')
  const textB = after.split('\n')
  const key = options.lineKey
  const a = key ? textA.map(key) : textA
  const b = key ? textB.map(key) : textB
  // Trim the common head and tail first: edits are usually small, so the table stays tiny.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail += 1
  }
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const rows = midA.length + 1
  const cols = midB.length + 1
  const lcs = new Uint32Array(rows * cols)
  for (let i = midA.length - 1; i >= 0; i -= 1) {
    for (let j = midB.length - 1; j >= 0; j -= 1) {
      lcs[i * cols + j] =
        midA[i] === midB[j]
          ? lcs[(i + 1) * cols + j + 1]! + 1
          : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!)
    }
  }
  const middle: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      middle.push({ kind: 'same', text: textB[head + j]! })
      i += 1
      j += 1
    } else if (
      j >= midB.length ||
      (i < midA.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!)
    ) {
      middle.push({ kind: 'removed', text: textA[head + i]! })
      i += 1
    } else {
      middle.push({ kind: 'added', text: textB[head + j]! })
      j += 1
    }
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: 'same', text }))
  return [...same(textB.slice(0, head)), ...middle, ...same(textB.slice(textB.length - tail))]
}
