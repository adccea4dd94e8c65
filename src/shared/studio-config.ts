// Plain-data shapes of the Providers, Config and Cloud Run models screens (cross IPC/HTTP as JSON).
import type { Catalog } from './catalog'
import type { ConfigIssue } from './config-issue'
import type { LlmErrorCode, ProviderName } from './llm'
import type { ResolutionView } from './resolution'

/** The factory json as the Config screen edits it. API keys and header values inside are masked. */
export interface ConfigDocument {
  path: string
  exists: boolean
  text: string
  /** The version on disk this text came from; a save sends it back and a stale one is a conflict. */
  revision: string
}

export type ConfigValidation = { ok: true } | { ok: false; issue: ConfigIssue }

export type ConfigSourceRole = 'global-json' | 'workspace-json' | 'dotenv'

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

export interface ProviderCard {
  provider: ProviderName
  /** What createLlmHandler({provider}) would use, with provenance. */
  view: ResolutionView
  needsKey: boolean
  /** Extra HTTP headers from the factory json (values masked). */
  headers: MaskedHeader[]
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
