// Whether an input is a plain JSON tree of sane depth, checked without recursion (so a hostile
// input cannot overflow the check itself).

/**
 * Inputs nest at most this deep. Real ones stay below 10; jsonc-parser's formatter breaks near 100
 * and zod's recursive checks overflow the stack in the thousands.
 */
export const MAX_INPUT_DEPTH = 64

/**
 * Why `value` is not a JSON tree at most `maxDepth` levels deep, or null when it is. Parsed JSON
 * never shares an object; IPC's structured clone can (even in a cycle), and that is refused too.
 */
export function jsonTreeProblem(value: unknown, maxDepth: number): string | null {
  const seen = new Set<object>()
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= maxDepth) return `it nests deeper than ${maxDepth} levels`
    if (seen.has(current)) return 'it holds the same object twice (a cycle?)'
    seen.add(current)
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 })
  }
  return null
}
