// Builds a field's provenance chain: the candidates in precedence order, the first with a value wins.
import type { ConfigLayer, ProvenanceStep, ResolvedField } from '../../../shared/llm'

/** One place a value may come from; `value` undefined means that place does not set it. */
export interface Candidate<T> {
  layer: ConfigLayer
  key: string
  origin: string
  value: T | undefined
  /** A value present but unusable (e.g. a provider without a handler): recorded, then skipped. */
  skipReason?: string
}

/** Picks the first usable candidate; `display` turns a value into what the chain may show. */
export function pickFirst<T>(
  candidates: Candidate<T>[],
  display: (value: T) => string,
): ResolvedField<T> {
  let winner: Candidate<T> | undefined
  const chain: ProvenanceStep[] = candidates.map((c) => {
    const base = { layer: c.layer, key: c.key, origin: c.origin }
    if (c.value === undefined) return { ...base, status: 'absent' }
    const shown = { ...base, value: display(c.value) }
    if (c.skipReason !== undefined) return { ...shown, status: 'skipped', reason: c.skipReason }
    if (winner) return { ...shown, status: 'shadowed', reason: `shadowed by ${describe(winner)}` }
    winner = c
    return { ...shown, status: 'won' }
  })
  if (!winner || winner.value === undefined) {
    throw new Error(`no candidate supplied a value (${candidates.map((c) => c.key).join(', ')})`)
  }
  return {
    value: winner.value,
    source: { layer: winner.layer, key: winner.key, origin: winner.origin },
    chain,
  }
}

function describe(c: Candidate<unknown>): string {
  return c.origin === c.layer ? `${c.key} (${c.layer})` : `${c.key} in ${c.origin}`
}

/** Config strings count as unset when empty (mindX's examples ship `""` overrides). */
export function presentString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
