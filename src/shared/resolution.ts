// What the factory resolved for a handler, in the key-free form that may leave the main process.
import type { ConfigIssue } from './config-issue'
import type { Provenance, ProvenanceStep, ProviderName } from './llm'

export type HandlerClass = 'OllamaHandler' | 'GeminiHandler' | 'GroqHandler' | 'MockHandler'

export const RESOLVED_FIELDS = ['provider', 'model', 'apiKey', 'baseUrl'] as const
export type ResolvedFieldName = (typeof RESOLVED_FIELDS)[number]

/** The CLI's `resolve --json` shape, also what the renderer shows. Keys are masked. */
export interface ResolutionView {
  provider: ProviderName
  model: string
  /** Masked (`gsk_…9f2a`) or null when no key applies or none is set. */
  apiKey: string | null
  baseUrl: string | null
  handler: HandlerClass
  fallbackReason: string | null
  sources: Record<ResolvedFieldName, Provenance>
  /** Every layer consulted per field, in precedence order, with won/shadowed/absent/skipped. */
  chains: Record<ResolvedFieldName, ProvenanceStep[]>
  warnings: ConfigIssue[]
}
