// Plain-data shapes of the Providers, Config and Cloud Run models screens (cross IPC/HTTP as JSON).
import type { Catalog } from './catalog'
import type { ConfigIssue } from './config-issue'
import type { LlmErrorCode, ProviderName } from './llm'
import type { ProviderProtocol, ProviderRateLimits } from './providers'
import type { ResolutionView } from './resolution'

/** The factory json as the Config screen edits it. API keys and header values inside are masked. */
export interface ConfigDocument {
  path: string
  exists: boolean
  text: string
}

export type ConfigValidation = { ok: true } | { ok: false; issue: ConfigIssue }

/** `models-yaml`: mindX's models/*.yaml, merged under `llm.<file stem>` (read-only here). */
export type ConfigSourceRole = 'global-json' | 'models-yaml' | 'workspace-json' | 'dotenv'

/** A global config file shown read-only (values that look like keys are masked). */
export interface ConfigSourceFile {
  path: string
  role: ConfigSourceRole
  exists: boolean
  text: string
  /** Why mindX would skip it, when it would. */
  warning?: ConfigIssue
}

export interface OpenInEditorResult {
  /** False where the app cannot open files itself (serve mode): show the path to copy instead. */
  opened: boolean
  path: string
}

/** Where a provider setting entered on the Providers screen is written. */
export const WRITE_LAYERS = ['factory-config', 'global-config'] as const
export type WriteLayer = (typeof WRITE_LAYERS)[number]

export interface WritableLayer {
  layer: WriteLayer
  file: string
}

export interface MaskedHeader {
  name: string
  /** Masked: enough to recognise, never enough to use. */
  value: string
}

/**
 * At a glance: `key-missing` (a required key is set nowhere), `unavailable` (its protocol is not in
 * this app, Mock answers), else `configured`. Reachable / error come from Test connection.
 */
export type ProviderStatus = 'configured' | 'key-missing' | 'unavailable'

/** What data/config/provider_registry.json says about a provider (null fields: not there). */
export interface MindxProviderInfo {
  enabled: boolean | null
  limits: ProviderRateLimits | null
  apiKeyEnvVar: string | null
  baseUrlEnvVar: string | null
  file: string
}

export interface ProviderCard {
  provider: ProviderName
  displayName: string
  protocol: ProviderProtocol
  /** Built into the app, or a custom endpoint from the workspace's `custom_providers`. */
  origin: 'built-in' | 'custom'
  /** What createLlmHandler({provider}) would use, with provenance (effective base URL, masked key). */
  view: ResolutionView
  /** Whether the provider takes an API key at all (false for local Ollama, LM Studio, Mock). */
  needsKey: boolean
  /** Whether calls fail without one. */
  requiresKey: boolean
  status: ProviderStatus
  /** Plain variables read for the key / base URL, after `llm.<name>.*`. */
  keyEnv: string[]
  baseUrlEnv: string[]
  /** From provider_registry.json; null when it has no entry for this provider. */
  mindx: MindxProviderInfo | null
  /** Extra HTTP headers from `<name>_settings_for_factory.headers` (values masked or `secret:NAME`). */
  headers: MaskedHeader[]
  /** Headers sent unless those replace them: built-in defaults, or a custom endpoint's `headers`. */
  defaultHeaders: MaskedHeader[]
}

export interface ProvidersOverview {
  providers: ProviderCard[]
  /** `default_provider_preference_order` as written (may name providers without a handler). */
  preferenceOrder: string[]
  /** The provider the factory uses when no argument names one, with its chain. */
  defaultView: ResolutionView
  /** Where keys typed into the app are stored (OS keychain or .mindx/secrets.json). */
  secretStore: string
  layers: WritableLayer[]
}

export type ConnectionTestResult =
  | {
      ok: true
      provider: ProviderName
      model: string
      latencyMs: number
      /** Models the server lists (first 200). */
      models: string[]
      /** False when the configured model is not among them (offer to pick one). */
      modelListed: boolean
    }
  | {
      ok: false
      provider: ProviderName
      model: string
      code: LlmErrorCode | 'internal'
      message: string
      /** What to do next, in a sentence. */
      nextStep: string
      retryAfterMs?: number
    }

export interface InstalledModels {
  reachable: boolean
  baseUrl: string
  names: string[]
  message?: string
}

export interface CatalogOverview {
  catalog: Catalog
  installed: InstalledModels
  /** `ollama_settings_for_factory.default_model_override` (null when unset). */
  defaultModelOverride: string | null
  /** The model createLlmHandler({provider:'ollama'}) would use and why. */
  ollamaView: ResolutionView
  configPath: string
}
