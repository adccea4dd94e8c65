// Filtering and sorting the Cloud Run catalog table (pure, so the rules are tested without a DOM).
import type { ProviderSummary } from '../../../shared/providers'
import type { Catalog, CatalogEntry } from '../../../shared/catalog'

/** Cloud Run's memory limits a service can be given. */
export const MEMORY_TIERS_GB = [2, 4, 8, 16, 32] as const

export interface CatalogRow extends CatalogEntry {
  installed: boolean | null
  /** 1-based position in each preference order, null when absent. */
  codingRank: number | null
  generalRank: number | null
}

export const SORT_COLUMNS = [
  'ollama_name',
  'id',
  'tier',
  'type',
  'est_memory_needed_gb',
  'origin',
  'installed',
  'codingRank',
  'generalRank',
] as const
export type SortColumn = (typeof SORT_COLUMNS)[number]
export interface SortOrder {
  column: SortColumn
  direction: 'ascending' | 'descending'
}

export interface CatalogFilters {
  search: string
  type: string | null
  /** Only entries that fit in this many GB. */
  budgetGb: number | null
}

function rank(ids: readonly string[], id: string): number | null {
  const index = ids.indexOf(id)
  return index === -1 ? null : index + 1
}

export function catalogRows(catalog: Catalog, installed: readonly string[] | null): CatalogRow[] {
  const names = installed === null ? null : new Set(installed.map(normalizeName))
  return catalog.entries.map((entry) => ({
    ...entry,
    installed: names === null ? null : names.has(normalizeName(entry.ollama_name)),
    codingRank: rank(catalog.default_coding_preference_order, entry.id),
    generalRank: rank(catalog.default_general_preference_order, entry.id),
  }))
}

/** Whether the host's installed names include `name` (`llama3.2` is `llama3.2:latest`). */
export function hasModel(installed: readonly string[], name: string): boolean {
  return installed.some((n) => normalizeName(n) === normalizeName(name))
}

/** Ollama reports `llama3` as `llama3:latest`. */
function normalizeName(name: string): string {
  return name.includes(':') ? name : `${name}:latest`
}

export function filterRows(rows: readonly CatalogRow[], filters: CatalogFilters): CatalogRow[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    if (filters.type !== null && row.type !== filters.type) return false
    if (filters.budgetGb !== null && row.est_memory_needed_gb > filters.budgetGb) return false
    const haystack = `${row.ollama_name} ${row.id} ${row.type} ${row.notes ?? ''}`.toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}

type CellValue = string | number | boolean | null | undefined

function compareValues(a: CellValue, b: CellValue): number {
  // Missing values (no rank, unknown install state) sort last in either direction.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(b) - Number(a)
  return String(a).localeCompare(String(b), undefined, { numeric: true })
}

export function sortRows(rows: readonly CatalogRow[], order: SortOrder): CatalogRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a: CellValue = x.row[order.column]
      const b: CellValue = y.row[order.column]
      if (a === null || b === null) return compareValues(a, b) || x.index - y.index
      return sign * compareValues(a, b) || x.index - y.index
    })
    .map(({ row }) => row)
}

export function typesOf(rows: readonly CatalogRow[]): string[] {
  return [...new Set(rows.map((row) => row.type))].sort()
}

/**
 * The provider to chat with a row's model: its Cloud Run service when one was deployed for it (a
 * custom Ollama-protocol provider serving that model), else the local Ollama.
 */
export function chatProviderFor(
  ollamaName: string,
  providers: readonly Pick<ProviderSummary, 'name' | 'origin' | 'protocol' | 'defaultModel'>[],
): string {
  const service = providers.find(
    (p) => p.origin === 'custom' && p.protocol === 'ollama' && p.defaultModel === ollamaName,
  )
  return service?.name ?? 'ollama'
}
