// `providers [--json]`: every registry provider with its protocol, effective base URL, masked key and their sources.
import type { EndpointHealth, LlmFactory, ProviderRegistry } from '../main/services/factory'
import type { Provenance } from '../shared/llm'
import type { ProviderProtocol } from '../shared/providers'
import type { HandlerClass } from '../shared/resolution'
import { formatSource, table } from './format'

/** One row of `providers --json` (keys masked, never raw). */
export interface ProviderRow {
  name: string
  displayName: string
  protocol: ProviderProtocol
  origin: 'built-in' | 'custom'
  model: string
  baseUrl: string | null
  apiKey: string | null
  requiresKey: boolean
  handler: HandlerClass
  fallbackReason: string | null
  sources: { model: Provenance; baseUrl: Provenance; apiKey: Provenance }
  /** This run's budget use, cooldown and circuit per base URL (a fresh process: all ok). */
  health: EndpointHealth[]
}

export async function providerRows(factory: LlmFactory): Promise<ProviderRow[]> {
  const [registry, health] = await Promise.all([factory.providers(), factory.health()])
  return Promise.all(
    registry.list().map(async (d) => {
      const { view } = await factory.resolve({ provider: d.name })
      return {
        name: d.name,
        displayName: d.displayName,
        protocol: d.protocol,
        origin: d.origin,
        model: view.model,
        baseUrl: view.baseUrl,
        apiKey: view.apiKey,
        requiresKey: d.requiresKey,
        handler: view.handler,
        fallbackReason: view.fallbackReason,
        sources: {
          model: view.sources.model,
          baseUrl: view.sources.baseUrl,
          apiKey: view.sources.apiKey,
        },
        health: health.filter((h) => h.provider === d.name),
      }
    }),
  )
}

export async function listProviders(factory: LlmFactory, json: boolean): Promise<string> {
  const rows = await providerRows(factory)
  if (json) return JSON.stringify({ providers: rows })
  const header = [
    'name',
    'display name',
    'protocol',
    'base URL',
    'key',
    'base URL from',
    'key from',
  ]
  const key = (r: ProviderRow) => r.apiKey ?? (r.requiresKey ? '(missing)' : '(none)')
  const body = rows.map((r) => [
    r.name,
    r.displayName,
    r.protocol,
    r.baseUrl ?? '(SDK default)',
    key(r),
    formatSource(r.sources.baseUrl),
    formatSource(r.sources.apiKey),
  ])
  return table([header, ...body]).join('\n')
}

export function unknownProviderMessage(name: string, registry: ProviderRegistry): string {
  const names = registry
    .list()
    .map((d) => d.name)
    .join(', ')
  return (
    `Unknown provider "${name}". This workspace knows: ${names}. ` +
    'Add an OpenAI-compatible endpoint under custom_providers in llm_factory_config.json.'
  )
}
