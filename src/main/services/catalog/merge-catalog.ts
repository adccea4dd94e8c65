// Merges the built-in catalog with the json's cloud_run_friendly_models and picks the Ollama default.
import type { Catalog, CatalogEntry, CatalogPick, CatalogTier } from '../../../shared/catalog'
import { CATALOG_TIERS } from '../../../shared/catalog'
import type { CloudRunModelsConfig } from '../../../shared/config-schema'
import { DEFAULT_CLOUD_RUN_MODELS } from './defaults'

/**
 * Tier entries merge with the defaults by `id` (json wins field by field, new ids are added, an id
 * moved to another tier in the json moves there); a preference order given in the json replaces
 * the default order.
 */
export function mergeCatalog(config: CloudRunModelsConfig | undefined): Catalog {
  const byId = new Map<string, CatalogEntry>()
  for (const tier of CATALOG_TIERS) {
    for (const entry of DEFAULT_CLOUD_RUN_MODELS[tier]) {
      byId.set(entry.id, { ...entry, tier, origin: 'default' })
    }
  }
  for (const tier of CATALOG_TIERS) {
    for (const entry of config?.[tier] ?? []) {
      const base = byId.get(entry.id)
      byId.delete(entry.id) // re-insert so config entries keep the json's order after defaults
      byId.set(entry.id, { ...base, ...toEntryFields(entry), tier, origin: 'config' })
    }
  }
  const coding = config?.default_coding_preference_order
  const general = config?.default_general_preference_order
  const entries = [...byId.values()].sort((a, b) => tierRank(a.tier) - tierRank(b.tier))
  const catalog = {
    entries,
    default_coding_preference_order: [
      ...(coding ?? DEFAULT_CLOUD_RUN_MODELS.default_coding_preference_order),
    ],
    default_general_preference_order: [
      ...(general ?? DEFAULT_CLOUD_RUN_MODELS.default_general_preference_order),
    ],
    orderOrigins: {
      coding: coding ? 'config' : 'default',
      general: general ? 'config' : 'default',
    },
  } satisfies Omit<Catalog, 'pick'>
  return { ...catalog, pick: pickDefaultModel(catalog) }
}

/** The first coding preference present in the catalog, else the first general one. */
export function pickDefaultModel(catalog: Omit<Catalog, 'pick'>): CatalogPick | null {
  const orders = [
    ['coding', catalog.default_coding_preference_order],
    ['general', catalog.default_general_preference_order],
  ] as const
  for (const [order, ids] of orders) {
    for (const id of ids) {
      const entry = catalog.entries.find((e) => e.id === id)
      if (entry) {
        return {
          id,
          ollama_name: entry.ollama_name,
          order,
          reason: `first ${order} preference found in the catalog (${id})`,
        }
      }
    }
  }
  return null
}

function toEntryFields(entry: NonNullable<CloudRunModelsConfig['good_fit']>[number]) {
  const { id, ollama_name, type, est_memory_needed_gb, notes } = entry
  return { id, ollama_name, type, est_memory_needed_gb, ...(notes === undefined ? {} : { notes }) }
}

function tierRank(tier: CatalogTier): number {
  return CATALOG_TIERS.indexOf(tier)
}
