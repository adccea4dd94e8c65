// The per-workspace provider registry: the built-in descriptors, mindX's variable names, custom endpoints.
import type { CustomProviderConfig } from '../../../shared/config-schema'
import type { MindxProviderEntry, ProviderDescriptor } from '../../../shared/providers'
import { BUILT_IN_PROVIDERS } from '../../../shared/providers'
import { envNamesForKey } from '../config/environment'
import type { WorkspaceConfig } from '../config/types'

/** Model name a custom endpoint without `default_model` resolves to (the call then names one). */
export const CUSTOM_PLACEHOLDER_MODEL = 'default'

export interface ProviderRegistry {
  /** Built-ins first (in their fixed order), then custom endpoints in the json's order. */
  list(): readonly ProviderDescriptor[]
  get(name: string): ProviderDescriptor | undefined
  has(name: string): boolean
  /** The `custom_providers` entry behind a custom descriptor. */
  custom(name: string): CustomProviderConfig | undefined
}

/** The registry as one workspace sees it. Pure: reads only what loading the workspace read. */
export function buildProviderRegistry(ws: WorkspaceConfig): ProviderRegistry {
  const customs = ws.factory.data.custom_providers ?? {}
  const descriptors = [
    ...BUILT_IN_PROVIDERS.map((p) => withMindxVariables(p, ws.mindxProviders.get(p.name))),
    ...Object.entries(customs).map(([name, config]) => customDescriptor(name, config)),
  ]
  const byName = new Map(descriptors.map((d) => [d.name, d]))
  return {
    list: () => descriptors,
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    custom: (name) => (Object.hasOwn(customs, name) ? customs[name] : undefined),
  }
}

function customDescriptor(name: string, config: CustomProviderConfig): ProviderDescriptor {
  return {
    name,
    displayName: config.display_name ?? name,
    protocol: config.protocol,
    defaultBaseUrl: config.base_url,
    keyEnv: [],
    baseUrlEnv: [],
    requiresKey: false,
    defaultHeaders: config.headers ?? {},
    defaultModel: config.default_model ?? CUSTOM_PLACEHOLDER_MODEL,
    listsModels: true,
    origin: 'custom',
    ...(config.auth === undefined ? {} : { auth: config.auth }),
  }
}

/**
 * provider_registry.json may name more variables (mindX reads `api_key_env_var`/`base_url_env_var`);
 * they are read after the built-in ones. Names that already set `llm.<p>.*` are not repeated.
 */
function withMindxVariables(
  descriptor: ProviderDescriptor,
  entry: MindxProviderEntry | undefined,
): ProviderDescriptor {
  if (entry === undefined) return descriptor
  const add = (names: readonly string[], extra: string | null, key: string): readonly string[] => {
    if (extra === null || names.includes(extra)) return names
    if (envNamesForKey(`llm.${descriptor.name}.${key}`).includes(extra)) return names
    return [...names, extra]
  }
  return {
    ...descriptor,
    keyEnv: add(descriptor.keyEnv, entry.apiKeyEnvVar, 'api_key'),
    baseUrlEnv: add(descriptor.baseUrlEnv, entry.baseUrlEnvVar, 'base_url'),
  }
}

/** mindX's rate limits for a provider (from provider_registry.json), or undefined when it has none. */
export function providerRateLimits(ws: WorkspaceConfig, name: string) {
  const limits = ws.mindxProviders.get(name)?.limits
  return limits === undefined || Object.keys(limits).length === 0 ? undefined : limits
}
