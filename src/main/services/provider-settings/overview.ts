// The Providers screen's data: one key-free card per registry provider, the preference order, the writable layers.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ProviderDescriptor } from '../../../shared/providers'
import type {
  MaskedHeader,
  MindxProviderInfo,
  ProviderCard,
  ProviderStatus,
  ProvidersOverview,
  WritableLayer,
} from '../../../shared/studio-config'
import type { ResolutionView } from '../../../shared/resolution'
import type { WorkspaceConfig } from '../config/types'
import type { LlmFactory } from '../factory'
import { factorySettings, takesApiKey } from '../factory/resolve-fields'
import { maskedForm } from '../config/secret-masking'
import { buildProviderRegistry, providerRateLimits } from '../providers/registry'
import { secretRefName } from '../secrets/types'

/**
 * The global json the app writes provider settings to: the v4 `<root>/mindx_config.json` when it
 * exists or when no `data/config/mindx_config.json` does (it is read last, so it wins), else
 * current mindX's `data/config/mindx_config.json`.
 */
export function globalConfigWritePath(root: string): string {
  const v4 = join(root, 'mindx_config.json')
  const current = join(root, 'data', 'config', 'mindx_config.json')
  return existsSync(v4) || !existsSync(current) ? v4 : current
}

export function writableLayers(ws: WorkspaceConfig): WritableLayer[] {
  return [
    { layer: 'factory-config', file: ws.factory.path },
    { layer: 'global-config', file: globalConfigWritePath(ws.root) },
  ]
}

/** A header as the renderer may see it: `secret:NAME` references as they are, values masked. */
function maskedHeaders(headers: Readonly<Record<string, string>>, mask: boolean): MaskedHeader[] {
  return Object.entries(headers).map(([name, value]) => ({
    name,
    value: !mask || secretRefName(value) !== undefined ? value : maskedForm(value),
  }))
}

export function providerStatus(d: ProviderDescriptor, view: ResolutionView): ProviderStatus {
  if (d.requiresKey && view.apiKey === null) return 'key-missing'
  if (view.handler === 'MockHandler' && d.protocol !== 'mock') return 'unavailable'
  return 'configured'
}

function mindxInfo(ws: WorkspaceConfig, name: string): MindxProviderInfo | null {
  const entry = ws.mindxProviders.get(name)
  if (entry === undefined) return null
  return {
    enabled: entry.enabled ?? null,
    limits: providerRateLimits(ws, name) ?? null,
    apiKeyEnvVar: entry.apiKeyEnvVar,
    baseUrlEnvVar: entry.baseUrlEnvVar,
    file: entry.file,
  }
}

export async function buildProviderCard(
  factory: LlmFactory,
  ws: WorkspaceConfig,
  d: ProviderDescriptor,
): Promise<ProviderCard> {
  const { view } = await factory.resolve({ provider: d.name })
  return {
    provider: d.name,
    displayName: d.displayName,
    protocol: d.protocol,
    origin: d.origin,
    view,
    needsKey: takesApiKey(d),
    requiresKey: d.requiresKey,
    status: providerStatus(d, view),
    keyEnv: [...d.keyEnv],
    baseUrlEnv: [...d.baseUrlEnv],
    mindx: mindxInfo(ws, d.name),
    headers: maskedHeaders(factorySettings(ws, d.name).headers ?? {}, true),
    // Built-in defaults are public constants; a custom endpoint's may hold a token.
    defaultHeaders: maskedHeaders(d.defaultHeaders, d.origin === 'custom'),
  }
}

export async function buildProvidersOverview(options: {
  factory: LlmFactory
  ws: WorkspaceConfig
  secretStore: string
}): Promise<ProvidersOverview> {
  const { factory, ws } = options
  const registry = buildProviderRegistry(ws)
  const [providers, defaultResolution] = await Promise.all([
    Promise.all(registry.list().map((d) => buildProviderCard(factory, ws, d))),
    factory.resolve(),
  ])
  return {
    providers,
    preferenceOrder: [...(ws.factory.data.default_provider_preference_order ?? [])],
    defaultView: defaultResolution.view,
    secretStore: options.secretStore,
    layers: writableLayers(ws),
  }
}
