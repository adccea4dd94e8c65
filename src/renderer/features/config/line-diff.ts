// A line diff (longest common subsequence) for "show diff" between the file on disk and the edits.

export interface DiffLine {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** Lines of `after` against `before`: removed lines come before the lines that replace them. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n')
  const b = after.split('\n')
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
      middle.push({ kind: 'same', text: midA[i]! })
      i += 1
      j += 1
    } else if (
      j >= midB.length ||
      (i < midA.length && lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!)
    ) {
      middle.push({ kind: 'removed', text: midA[i]! })
      i += 1
    } else {
      middle.push({ kind: 'added', text: midB[j]! })
      j += 1
    }
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: 'same', text }))
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))]
}
