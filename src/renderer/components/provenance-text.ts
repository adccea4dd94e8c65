// Plain-language provenance: "from env:MINDX_LLM__GROQ__API_KEY", "x in a.json is shadowed by y here".
import type { Provenance, ProvenanceStep } from '../../shared/llm'

/** The last path segment, so a long absolute path reads as the file name. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path
}

/** Where a value came from, short: a file name, `env:NAME`, `secret:NAME`, "built-in". */
export function originLabel(origin: string): string {
  if (/^(env|dotenv|secret):/.test(origin) || origin === 'built-in' || origin === 'argument') {
    return origin
  }
  return origin.includes('/') || origin.includes('\\') ? fileName(origin) : origin
}

export function sourceSentence(source: Provenance): string {
  if (source.layer === 'cloud-run-preference') {
    const where = source.origin === 'built-in' ? 'built-in catalog' : originLabel(source.origin)
    return `from the Cloud Run preference order (${where})`
  }
  if (source.origin === 'built-in') return `built-in default (${source.key})`
  if (/^(env|dotenv|secret):/.test(source.origin)) return `from ${source.origin}`
  return `from ${source.key} in ${originLabel(source.origin)}`
}

/** One sentence per shadowed step, naming what shadowed it. */
export function shadowSentences(chain: readonly ProvenanceStep[]): string[] {
  const winner = chain.find((step) => step.status === 'won')
  if (!winner) return []
  const here = (step: ProvenanceStep) =>
    step.origin === winner.origin ? 'here' : `in ${originLabel(winner.origin)}`
  return chain
    .filter((step) => step.status === 'shadowed')
    .map(
      (step) =>
        `${step.key} in ${originLabel(step.origin)} is shadowed by ${winner.key} ${here(step)}`,
    )
}
