// The factory's public types: arguments, the full resolution (with the raw key; main only), handlers.
import type {
  GenerateOptions,
  GenerateResult,
  ProviderName,
  ResolvedField,
  StreamEvent,
} from '../../../shared/llm'
import type { Catalog } from '../../../shared/catalog'
import type { HandlerClass, ResolutionView } from '../../../shared/resolution'
import type { ProviderDescriptor } from '../../../shared/providers'
import type { ProviderRegistry } from '../providers/registry'
import type { ProviderModel } from '../providers/types'

export interface HandlerArgs {
  provider?: string
  model?: string
  apiKey?: string
  baseUrl?: string
}

/** Everything the factory decided for one set of arguments. Holds the raw key: never send it out. */
export interface Resolution {
  provider: ResolvedField<ProviderName>
  /** The resolved provider's registry entry (protocol, display name, defaults). */
  descriptor: ProviderDescriptor
  model: ResolvedField<string>
  apiKey: ResolvedField<string | null>
  baseUrl: ResolvedField<string | null>
  handler: HandlerClass
  fallbackReason: string | null
  headers: Record<string, string>
  /** Ollama keep_alive from `llm.<provider>.keep_alive`. */
  keepAlive?: string | number
  /** From `llm.<provider>.timeout` (seconds in config). */
  timeoutMs?: number
  /** The key-free form (what the CLI prints and the renderer receives). */
  view: ResolutionView
}

export interface LlmHandler {
  readonly providerName: ProviderName
  /** The model used when a call does not name one. */
  readonly modelNameForApi: string
  /** Why this is a Mock handler standing in for the requested provider, if it is. */
  readonly fallbackReason: string | null
  readonly handlerClass: HandlerClass
  generateText(prompt: string, options?: GenerateOptions): Promise<string>
  /** generateText with usage and timings. */
  generate(prompt: string, options?: GenerateOptions): Promise<GenerateResult>
  /** Text deltas, then one `done` event with usage and timings. */
  streamText(prompt: string, options?: GenerateOptions): AsyncIterable<StreamEvent>
  listModels(signal?: AbortSignal): Promise<ProviderModel[]>
}

export interface LlmFactory {
  resolve(args?: HandlerArgs): Promise<Resolution>
  /** The merged Cloud Run friendly catalog (defaults ⊕ the factory json). */
  catalog(): Promise<Catalog>
  createLlmHandler(args?: HandlerArgs): Promise<LlmHandler>
  /** The workspace's provider registry: built-ins plus its custom endpoints. */
  providers(): Promise<ProviderRegistry>
  /** Forget cached handlers and the cached workspace config (call after config changes). */
  clearHandlerCache(): void
}
