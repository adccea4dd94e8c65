// Human-readable renderings of the CLI's answers (the --json forms are the objects themselves).
import type { Catalog } from '../shared/catalog'
import type { Provenance } from '../shared/llm'
import type { ResolutionView } from '../shared/resolution'
import type { ProviderModel } from '../main/services/providers/types'

export function formatSource(source: Provenance): string {
  if (source.layer === 'argument') return 'argument'
  if (source.layer === 'default') return `default (${source.key})`
  return `${source.layer}: ${source.key} (${source.origin})`
}

export function formatResolution(view: ResolutionView): string {
  const rows: [string, string, string][] = [
    ['provider', view.provider, formatSource(view.sources.provider)],
    ['model', view.model, formatSource(view.sources.model)],
    ['apiKey', view.apiKey ?? '(none)', formatSource(view.sources.apiKey)],
    ['baseUrl', view.baseUrl ?? '(SDK default)', formatSource(view.sources.baseUrl)],
  ]
  const width = Math.max(...rows.map(([, value]) => value.length))
  const lines = rows.map(
    ([name, value, from]) => `${name.padEnd(9)}${value.padEnd(width)}  ← ${from}`,
  )
  lines.push(`${'handler'.padEnd(9)}${view.handler}`)
  if (view.fallbackReason) lines.push(`${'fallback'.padEnd(9)}${view.fallbackReason}`)
  for (const skipped of view.skipped) lines.push(`${'skipped'.padEnd(9)}${skipped.reason}`)
  return lines.join('\n')
}

export function formatCatalog(catalog: Catalog): string {
  const header = ['tier', 'id', 'ollama_name', 'type', 'mem GB', 'origin']
  const rows = catalog.entries.map((e) => [
    e.tier,
    e.id,
    e.ollama_name,
    e.type,
    String(e.est_memory_needed_gb),
    e.origin,
  ])
  const lines = table([header, ...rows])
  lines.push('')
  lines.push(
    `coding order  (${catalog.orderOrigins.coding}): ${catalog.default_coding_preference_order.join(', ')}`,
  )
  lines.push(
    `general order (${catalog.orderOrigins.general}): ${catalog.default_general_preference_order.join(', ')}`,
  )
  lines.push(
    catalog.pick
      ? `default pick: ${catalog.pick.ollama_name} — ${catalog.pick.reason}`
      : 'default pick: none',
  )
  return lines.join('\n')
}

export function formatModels(models: ProviderModel[]): string {
  if (models.length === 0) return 'No models installed. Pull one with `ollama pull phi3:mini`.'
  const rows = models.map((m) => [
    m.name,
    m.size === undefined ? '' : formatBytes(m.size),
    m.modifiedAt ?? '',
    m.family ?? '',
    m.parameterSize ?? '',
    m.quantization ?? '',
  ])
  return table([['name', 'size', 'modified', 'family', 'params', 'quantization'], ...rows]).join(
    '\n',
  )
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)))
  return rows.map((r) =>
    r
      .map((cell, col) => cell.padEnd(widths[col]!))
      .join('  ')
      .trimEnd(),
  )
}
