// The Providers screen's data: one key-free card per provider, the preference order, the writable layers.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PROVIDERS } from '../../../shared/llm'
import type { ProviderName } from '../../../shared/llm'
import type { ProviderCard, ProvidersOverview, WritableLayer } from '../../../shared/studio-config'
import type { WorkspaceConfig } from '../config/types'
import type { LlmFactory } from '../factory'
import { maskedForm } from '../config/secret-masking'

const KEYED: ReadonlySet<ProviderName> = new Set(['gemini', 'groq'])

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

export async function buildProviderCard(
  factory: LlmFactory,
  ws: WorkspaceConfig,
  provider: ProviderName,
): Promise<ProviderCard> {
  const { view } = await factory.resolve({ provider })
  const headers = ws.factory.data[`${provider}_settings_for_factory`]?.headers ?? {}
  return {
    provider,
    view,
    needsKey: KEYED.has(provider),
    headers: Object.entries(headers).map(([name, value]) => ({ name, value: maskedForm(value) })),
  }
}

export async function buildProvidersOverview(options: {
  factory: LlmFactory
  ws: WorkspaceConfig
  secretStore: string
}): Promise<ProvidersOverview> {
  const { factory, ws } = options
  const [providers, defaultResolution] = await Promise.all([
    Promise.all(PROVIDERS.map((provider) => buildProviderCard(factory, ws, provider))),
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
