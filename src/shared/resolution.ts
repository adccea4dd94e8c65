// What the factory resolved for a handler, in the key-free form that may leave the main process.
import type { ConfigIssue } from './config-issue'
import type { Provenance, ProvenanceStep } from './llm'
import type { ProviderProtocol } from './providers'

/** One handler class per protocol (mindX's naming: `OllamaHandler`, `GroqHandler`, …). */
export type HandlerClass =
  | 'OllamaHandler'
  | 'OpenAICompatibleHandler'
  | 'AnthropicHandler'
  | 'MistralHandler'
  | 'GeminiHandler'
  | 'GroqHandler'
  | 'MockHandler'

export const RESOLVED_FIELDS = ['provider', 'model', 'apiKey', 'baseUrl'] as const
export type ResolvedFieldName = (typeof RESOLVED_FIELDS)[number]

/** The CLI's `resolve --json` shape, also what the renderer shows. Keys are masked. */
export interface ResolutionView {
  provider: string
  /** The provider's display name and protocol, from the registry. */
  displayName: string
  protocol: ProviderProtocol
  model: string
  /** Masked (`gsk_…9f2a`) or null when no key applies or none is set. */
  apiKey: string | null
  baseUrl: string | null
  handler: HandlerClass
  fallbackReason: string | null
  sources: Record<ResolvedFieldName, Provenance>
  /** Every layer consulted per field, in precedence order, with won/shadowed/absent/skipped. */
  chains: Record<ResolvedFieldName, ProvenanceStep[]>
  /** Providers the resolver passed over (preference order, llm.default_provider), with why. */
  skipped: SkippedProvider[]
  warnings: ConfigIssue[]
}

export interface SkippedProvider {
  provider: string
  reason: string
}
