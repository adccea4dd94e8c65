// Failover's vocabulary shared by main, CLI and renderer: chain entries, attempts and the route line.
import { z } from 'zod'
import type { LlmErrorCode } from './llm'
import { LLM_ERROR_CODES } from './llm'

/** Why an entry was passed over without a request going out. */
export const NOT_SENT_REASONS = [
  'no_handler',
  'no_key',
  'budget',
  'cooldown',
  'circuit_open',
] as const
export type NotSentReason = (typeof NOT_SENT_REASONS)[number]

/** One entry of a chain that did not answer: what was tried, where, how it failed, how long it took. */
export interface CallAttempt {
  provider: string
  model: string | null
  baseUrl: string | null
  code: LlmErrorCode
  /** The error's message with anything key-like redacted. */
  message: string
  ms: number
  /** Set when no request went out (skipped, over budget, cooling down, circuit open). */
  notSent?: NotSentReason
}

export const callAttemptSchema = z.object({
  provider: z.string(),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  code: z.enum(LLM_ERROR_CODES),
  message: z.string(),
  ms: z.number(),
  notSent: z.enum(NOT_SENT_REASONS).optional(),
})

/** `provider` or `provider/model` (the model may itself contain slashes: `vllm/Qwen/Qwen3-0.6B`). */
export const chainEntrySchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9_-]+(\/\S.*)?$/i,
    'expected provider or provider/model, e.g. gemini/gemini-2.5-flash',
  )

export const chainSchema = z.array(chainEntrySchema).max(20)

export interface ChainEntry {
  provider: string
  model?: string
}

export function parseChainEntry(entry: string): ChainEntry {
  const text = entry.trim()
  const slash = text.indexOf('/')
  if (slash < 0) return { provider: text.toLowerCase() }
  const model = text.slice(slash + 1).trim()
  return { provider: text.slice(0, slash).toLowerCase(), ...(model === '' ? {} : { model }) }
}

/** `groq,gemini/gemini-2.5-flash, ollama` → entries; blanks dropped. */
export function splitChain(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

const CODE_LABELS: Record<LlmErrorCode, string> = {
  auth: 'key refused',
  rate_limit: 'rate limited',
  unreachable: 'unreachable',
  timeout: 'timed out',
  model_not_found: 'model not found',
  bad_request: 'bad request',
  aborted: 'stopped',
  invalid_json: 'invalid JSON',
  provider: 'provider error',
}

const NOT_SENT_LABELS: Record<NotSentReason, string> = {
  no_handler: 'skipped: no handler',
  no_key: 'skipped: no API key',
  budget: 'over budget',
  cooldown: 'cooling down',
  circuit_open: 'circuit open',
}

/** `3 ms` below a tenth of a second, `0.8 s` / `12.4 s` above. */
export function formatMs(ms: number): string {
  return ms >= 100 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
}

/** `rate limited (0.8 s)` / `skipped: no API key`: one attempt, as the route line shows it. */
export function attemptLabel(attempt: CallAttempt): string {
  if (attempt.notSent) return NOT_SENT_LABELS[attempt.notSent]
  return `${CODE_LABELS[attempt.code]} (${formatMs(attempt.ms)})`
}

interface Hop {
  provider: string
  baseUrl?: string | null
}

/** `ollama`, or `ollama (127.0.0.1:11435)` when one provider appears at two URLs (fallback_url). */
function hopName(hop: Hop, all: readonly Hop[]): string {
  const twice = all.filter((h) => h.provider === hop.provider).length > 1
  if (!twice || !hop.baseUrl) return hop.provider
  try {
    return `${hop.provider} (${new URL(hop.baseUrl).host})`
  } catch {
    return `${hop.provider} (${hop.baseUrl})`
  }
}

/**
 * `groq · rate limited (0.8 s) → gemini · unreachable (3 ms) → ollama ✓`; without an answer the
 * line ends with the last failure.
 */
export function formatRoute(attempts: readonly CallAttempt[], answered?: Hop | null): string {
  const all: Hop[] = answered ? [...attempts, answered] : [...attempts]
  const hops = attempts.map((a) => `${hopName(a, all)} · ${attemptLabel(a)}`)
  if (answered) hops.push(`${hopName(answered, all)} ✓`)
  return hops.join(' → ')
}
