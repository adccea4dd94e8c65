// The merged Cloud Run friendly Ollama catalog as every surface sees it.

export const CATALOG_TIERS = ['excellent_fit', 'good_fit'] as const
export type CatalogTier = (typeof CATALOG_TIERS)[number]

export interface CatalogEntry {
  id: string
  ollama_name: string
  type: string
  est_memory_needed_gb: number
  notes?: string
  tier: CatalogTier
  /** `default` = built in; `config` = added or overridden by llm_factory_config.json. */
  origin: 'default' | 'config'
}

export interface CatalogPick {
  id: string
  ollama_name: string
  /** e.g. "first coding preference found in the catalog". */
  reason: string
  order: 'coding' | 'general'
}

export interface Catalog {
  entries: CatalogEntry[]
  default_coding_preference_order: string[]
  default_general_preference_order: string[]
  /** Where each order came from. */
  orderOrigins: { coding: 'default' | 'config'; general: 'default' | 'config' }
  /** The model the factory picks for Ollama when nothing else names one (null if no id matches). */
  pick: CatalogPick | null
}
