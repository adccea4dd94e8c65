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
import type { EndpointHealth } from '../../../shared/provider-health'
import type { FailoverOptions, FailoverResult, PlannedEntry } from './failover'

export interface HandlerArgs {
  provider?: string
  model?: string
  apiKey?: string
  baseUrl?: string
}

/** Settings typed on the Providers screen but not saved: argument-layer fields plus header changes. */
export interface TrialHandlerArgs extends HandlerArgs {
  /** Header values set over the configured ones for this handler only. */
  headers?: Record<string, string>
  /** Configured headers this handler leaves out. */
  removeHeaders?: string[]
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
  /** Ollama's `llm.ollama.fallback_url`, tried when the base URL is unreachable. */
  fallbackUrl?: { url: string; origin: string }
  /** The key-free form (what the CLI prints and the renderer receives). */
  view: ResolutionView
}

/** Per-call knobs the failover walk (and connection tests) use on top of GenerateOptions. */
export interface CallOptions extends GenerateOptions {
  /** Retry-after waits longer than this are not slept through (default: the policy's). */
  maxRetryWaitMs?: number
  /** Longest wait for a budget slot or a cooldown's end; 0 fails at once (default: the policy's). */
  maxQueueWaitMs?: number
  /** Send regardless of budgets, cooldowns and circuits (the outcome is still recorded). */
  ignoreHealth?: boolean
}

export interface LlmHandler {
  readonly providerName: ProviderName
  /** The model used when a call does not name one. */
  readonly modelNameForApi: string
  /** Why this is a Mock handler standing in for the requested provider, if it is. */
  readonly fallbackReason: string | null
  readonly handlerClass: HandlerClass
  generateText(prompt: string, options?: CallOptions): Promise<string>
  /** generateText with usage and timings. */
  generate(prompt: string, options?: CallOptions): Promise<GenerateResult>
  /** Text deltas, then one `done` event with usage and timings. */
  streamText(prompt: string, options?: CallOptions): AsyncIterable<StreamEvent>
  listModels(signal?: AbortSignal): Promise<ProviderModel[]>
}

export interface LlmFactory {
  resolve(args?: HandlerArgs): Promise<Resolution>
  /** The merged Cloud Run friendly catalog (defaults ⊕ the factory json). */
  catalog(): Promise<Catalog>
  createLlmHandler(args?: HandlerArgs): Promise<LlmHandler>
  /**
   * A handler for settings not saved anywhere (Test connection of what a form holds): built for
   * the caller alone, never cached, and its calls leave the process's health state untouched.
   */
  trialHandler(args: TrialHandlerArgs): Promise<LlmHandler>
  /** Walks a chain of `provider[/model]` entries until one answers; the result names it and the attempts. */
  generateWithFailover(prompt: string, options?: FailoverOptions): Promise<FailoverResult>
  /** The same for a stream: it fails over only before the first token. */
  streamWithFailover(prompt: string, options?: FailoverOptions): AsyncIterable<StreamEvent>
  /** How a chain (default: the provider order) would be walked: entries and which are skipped. */
  failoverPlan(chain?: readonly string[]): Promise<PlannedEntry[]>
  /** Budget use, cooldowns and circuits per provider and base URL (this process's registry). */
  health(): Promise<EndpointHealth[]>
  /** Clears budgets, cooldowns and circuits of matching endpoints; returns how many. */
  resetHealth(filter?: { provider?: string; baseUrl?: string | null }): number
  /** The workspace's provider registry: built-ins plus its custom endpoints. */
  providers(): Promise<ProviderRegistry>
  /** Forget cached handlers and the cached workspace config (call after config changes). */
  clearHandlerCache(): void
}
