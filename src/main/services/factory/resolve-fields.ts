// Resolves provider, model, apiKey and baseUrl through the layers for any registry provider, with provenance.
import type { Catalog } from '../../../shared/catalog'
import type { ProviderFactorySettings } from '../../../shared/config-schema'
import { providerSettingsIn } from '../../../shared/config-schema'
import type { ResolvedField } from '../../../shared/llm'
import { maskSecret } from '../../../shared/llm'
import type { ProviderDescriptor } from '../../../shared/providers'
import { builtInProvider } from '../../../shared/providers'
import type { WorkspaceConfig } from '../config/types'
import type { ProviderRegistry } from '../providers/registry'
import { secretRefName } from '../secrets/types'
import type { Candidate } from './provenance'
import { pickFirst, presentString } from './provenance'
import { resolveProvider } from './resolve-provider'
import type { HandlerArgs } from './types'

const BUILT_IN = 'built-in'

export interface ResolvedFields {
  provider: ResolvedField<string>
  /** The registry entry of the resolved provider. */
  descriptor: ProviderDescriptor
  model: ResolvedField<string>
  apiKey: ResolvedField<string | null>
  baseUrl: ResolvedField<string | null>
  /** Set when the requested provider is unknown and Mock stands in. */
  fallbackReason: string | null
}

/** Keys stored in the app's SecretStore, for `"secret:NAME"` config values. */
export interface SecretsSnapshot {
  label: string
  values: Record<string, string>
}

export const NO_SECRETS: SecretsSnapshot = { label: 'no secret store', values: {} }

export interface ResolveContext {
  ws: WorkspaceConfig
  registry: ProviderRegistry
  catalog: Catalog
  secrets?: SecretsSnapshot
}

export function resolveFields(args: HandlerArgs, context: ResolveContext): ResolvedFields {
  const { ws, registry, catalog } = context
  const { field: provider, fallbackReason } = resolveProvider(args, ws, registry)
  const descriptor = registry.get(provider.value) ?? builtInProvider('mock')!
  return {
    provider,
    descriptor,
    model: resolveModel(descriptor, args, ws, catalog),
    apiKey: resolveApiKey(descriptor, args, ws, context.secrets ?? NO_SECRETS),
    baseUrl: resolveBaseUrl(descriptor, args, ws),
    fallbackReason,
  }
}

/** `<provider>_settings_for_factory` from the factory json. */
export function factorySettings(ws: WorkspaceConfig, p: string): ProviderFactorySettings {
  return providerSettingsIn(ws.factory.data, p)
}

/** A candidate from `custom_providers.<name>.<field>` (custom endpoints only). */
function customCandidate(
  d: ProviderDescriptor,
  ws: WorkspaceConfig,
  field: 'api_key' | 'base_url' | 'default_model',
): Candidate<string>[] {
  if (d.origin !== 'custom') return []
  const value = ws.factory.data.custom_providers?.[d.name]?.[field]
  return [
    {
      layer: 'factory-config',
      key: `custom_providers.${d.name}.${field}`,
      origin: ws.factory.path,
      value: presentString(value),
    },
  ]
}

function resolveModel(
  d: ProviderDescriptor,
  args: HandlerArgs,
  ws: WorkspaceConfig,
  catalog: Catalog,
): ResolvedField<string> {
  const p = d.name
  const handlerConfig = ws.factory.data.provider_specific_handler_config?.[p]
  const candidates: Candidate<string>[] = [
    { layer: 'argument', key: 'model', origin: 'argument', value: presentString(args.model) },
    {
      layer: 'factory-config',
      key: `${p}_settings_for_factory.default_model_override`,
      origin: ws.factory.path,
      value: presentString(factorySettings(ws, p).default_model_override),
    },
    {
      layer: 'factory-config',
      key: `provider_specific_handler_config.${p}.default_model_for_api_call`,
      origin: ws.factory.path,
      value: presentString(handlerConfig?.default_model_for_api_call),
    },
    ...customCandidate(d, ws, 'default_model'),
    ...globalCandidates(ws, `llm.${p}.default_model`),
  ]
  if (p === 'ollama') {
    const pick = catalog.pick
    const order = pick?.order ?? 'coding'
    candidates.push({
      layer: 'cloud-run-preference',
      key: `cloud_run_friendly_models.default_${order}_preference_order`,
      origin: catalog.orderOrigins[order] === 'config' ? ws.factory.path : BUILT_IN,
      value: pick?.ollama_name,
    })
  }
  candidates.push({
    layer: 'default',
    key:
      d.origin === 'custom'
        ? `no default_model for ${p}: name a model per call`
        : `default model for ${p}`,
    origin: BUILT_IN,
    value: d.defaultModel,
  })
  return pickFirst(candidates, String)
}

/** Whether a provider has an API key at all (local Ollama, LM Studio and Mock do not). */
export function takesApiKey(d: ProviderDescriptor): boolean {
  return d.requiresKey || d.keyEnv.length > 0 || d.origin === 'custom'
}

function resolveApiKey(
  d: ProviderDescriptor,
  args: HandlerArgs,
  ws: WorkspaceConfig,
  secrets: SecretsSnapshot,
): ResolvedField<string | null> {
  const p = d.name
  const mask = (v: string | null) =>
    v !== null && secretRefName(v) !== undefined ? v : (maskSecret(v) ?? 'none')
  if (!takesApiKey(d)) {
    return pickFirst<string | null>(
      [{ layer: 'default', key: `${p} needs no API key`, origin: BUILT_IN, value: null }],
      mask,
    )
  }
  const candidates: Candidate<string | null>[] = [
    { layer: 'argument', key: 'apiKey', origin: 'argument', value: presentString(args.apiKey) },
    {
      layer: 'factory-config',
      key: `${p}_settings_for_factory.api_key_override`,
      origin: ws.factory.path,
      value: presentString(factorySettings(ws, p).api_key_override),
    },
    ...customCandidate(d, ws, 'api_key'),
    ...globalCandidates(ws, `llm.${p}.api_key`),
    ...d.keyEnv.map((name) => plainEnvCandidate(ws, name, (v) => v)),
    { layer: 'default', key: 'no API key set', origin: BUILT_IN, value: null },
  ]
  return pickFirst(
    candidates.map((c) => withSecret(c, secrets)),
    mask,
  )
}

/** A plain environment variable (process env over .env), read after the MINDX_ names and json. */
function plainEnvCandidate(
  ws: WorkspaceConfig,
  name: string,
  convert: (value: string) => string,
): Candidate<string> {
  const found = ws.global.env(name)
  const value = presentString(found?.value)
  return {
    layer: 'global-config',
    key: name,
    origin: found?.origin ?? `env:${name}`,
    value: value === undefined ? undefined : convert(value),
  }
}

/** Swaps a `"secret:NAME"` reference for the stored key; a dangling reference is skipped. */
function withSecret(
  candidate: Candidate<string | null>,
  secrets: SecretsSnapshot,
): Candidate<string | null> {
  const name = secretRefName(candidate.value)
  if (name === undefined) return candidate
  const stored = secrets.values[name]
  if (stored === undefined) {
    return { ...candidate, skipReason: `secret:${name} is not in the ${secrets.label}` }
  }
  return { ...candidate, origin: `secret:${name}`, value: stored }
}

function resolveBaseUrl(
  d: ProviderDescriptor,
  args: HandlerArgs,
  ws: WorkspaceConfig,
): ResolvedField<string | null> {
  const p = d.name
  const candidates: Candidate<string | null>[] = [
    { layer: 'argument', key: 'baseUrl', origin: 'argument', value: presentString(args.baseUrl) },
    {
      layer: 'factory-config',
      key: `${p}_settings_for_factory.base_url_override`,
      origin: ws.factory.path,
      value: presentString(factorySettings(ws, p).base_url_override),
    },
    ...customCandidate(d, ws, 'base_url'),
    ...globalCandidates(ws, `llm.${p}.base_url`),
    // OLLAMA_HOST may be a bare host[:port]; the other variables hold URLs.
    ...d.baseUrlEnv.map((name) =>
      plainEnvCandidate(ws, name, name === 'OLLAMA_HOST' ? ollamaHostToUrl : (v) => v),
    ),
  ]
  if (d.origin === 'built-in') {
    candidates.push({
      layer: 'default',
      key: d.defaultBaseUrl === null ? `${p} SDK default` : `default ${d.displayName} URL`,
      origin: BUILT_IN,
      value: d.defaultBaseUrl,
    })
  }
  return pickFirst(candidates, (v) => v ?? 'SDK default')
}

/** Every place global config sets `key`, as candidates in its own precedence order. */
function globalCandidates(ws: WorkspaceConfig, key: string): Candidate<string>[] {
  const found = ws.global.lookup(key)
  if (found.length === 0) {
    return [{ layer: 'global-config', key, origin: 'global config', value: undefined }]
  }
  return found.map((v) => ({
    layer: 'global-config',
    key: v.key,
    origin: v.origin,
    value: presentString(v.value),
  }))
}

/** OLLAMA_HOST may be `host`, `host:port` or a URL; Ollama's own default port is 11434. */
export function ollamaHostToUrl(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`
  const url = new URL(withScheme)
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1'
  if (url.port === '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) url.port = '11434'
  return url.toString().replace(/\/$/, '')
}
