// What "Show diff" compares: the parsed values first (formatting alone is no difference), then lines.
import type { DiffLine } from '../../../shared/line-diff'
import { diffLines, ignoringWhitespace } from '../../../shared/line-diff'

export type ConfigDiff =
  /** Both sides parse to the same values: only whitespace, indentation or key order differ. */
  | { kind: 'formatting-only' }
  /**
   * The values differ. `normalized`: both sides parsed, and the lines are their re-indented JSON
   * (whitespace and indentation cannot show up as changes); else the raw lines, whitespace ignored.
   */
  | { kind: 'values'; lines: DiffLine[]; normalized: boolean }

function parsed(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return null
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep equality of JSON values: key order does not matter, array order does. */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJsonValue(item, b[index]))
    )
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJsonValue(a[key], b[key]))
    )
  }
  return Object.is(a, b)
}

/** `theirs` (the file on disk) against `mine` (the edits): removed lines are theirs, added mine. */
export function compareConfigTexts(theirs: string, mine: string): ConfigDiff {
  const before = parsed(theirs)
  const after = parsed(mine)
  if (before && after) {
    if (sameJsonValue(before.value, after.value)) return { kind: 'formatting-only' }
    const pretty = (value: unknown) => JSON.stringify(value, null, 2)
    return {
      kind: 'values',
      lines: diffLines(pretty(before.value), pretty(after.value)),
      normalized: true,
    }
  }
  return {
    kind: 'values',
    lines: diffLines(theirs, mine, { lineKey: ignoringWhitespace }),
    normalized: false,
  }
}
