// Resolves provider, model, apiKey and baseUrl through the layers, recording provenance for each.
import type { Catalog } from '../../../shared/catalog'
import type { ProviderFactorySettings } from '../../../shared/config-schema'
import type { ProviderName, ResolvedField } from '../../../shared/llm'
import { redactSecrets } from '../../../shared/redaction'
import {
  DEFAULT_MODELS,
  DEFAULT_OLLAMA_BASE_URL,
  isProviderName,
  maskSecret,
} from '../../../shared/llm'
import type { WorkspaceConfig } from '../config/types'
import { secretRefName } from '../secrets/types'
import type { Candidate } from './provenance'
import { pickFirst, presentString } from './provenance'
import type { HandlerArgs } from './types'

const BUILT_IN = 'built-in'
/** Providers that need an API key, with the plain environment variable read last. */
export const API_KEY_ENV: Partial<Record<ProviderName, string>> = {
  gemini: 'GEMINI_API_KEY',
  groq: 'GROQ_API_KEY',
}

export interface ResolvedFields {
  provider: ResolvedField<ProviderName>
  model: ResolvedField<string>
  apiKey: ResolvedField<string | null>
  baseUrl: ResolvedField<string | null>
  /** Set when the requested provider has no handler and Mock stands in. */
  fallbackReason: string | null
}

/** Keys stored in the app's SecretStore, for `"secret:NAME"` config values. */
export interface SecretsSnapshot {
  label: string
  values: Record<string, string>
}

export const NO_SECRETS: SecretsSnapshot = { label: 'no secret store', values: {} }

export function resolveFields(
  args: HandlerArgs,
  ws: WorkspaceConfig,
  catalog: Catalog,
  secrets: SecretsSnapshot = NO_SECRETS,
): ResolvedFields {
  const { field: provider, fallbackReason } = resolveProvider(args, ws)
  const p = provider.value
  return {
    provider,
    model: resolveModel(p, args, ws, catalog),
    apiKey: resolveApiKey(p, args, ws, secrets),
    baseUrl: resolveBaseUrl(p, args, ws),
    fallbackReason,
  }
}

/** `<provider>_settings_for_factory` from the factory json. */
export function factorySettings(ws: WorkspaceConfig, p: ProviderName): ProviderFactorySettings {
  return ws.factory.data[`${p}_settings_for_factory`] ?? {}
}

function resolveProvider(
  args: HandlerArgs,
  ws: WorkspaceConfig,
): { field: ResolvedField<ProviderName>; fallbackReason: string | null } {
  const requested = presentString(args.provider)?.toLowerCase()
  if (requested !== undefined && !isProviderName(requested)) {
    const reason = `${requested}: no handler in this app, using Mock`
    const field = pickFirst<ProviderName>(
      [{ layer: 'argument', key: 'provider', origin: 'argument', value: 'mock' }],
      String,
    )
    field.chain[0] = { ...field.chain[0]!, value: requested, reason }
    return { field, fallbackReason: reason }
  }
  const candidates: Candidate<ProviderName>[] = [
    { layer: 'argument', key: 'provider', origin: 'argument', value: requested },
  ]
  const order = ws.factory.data.default_provider_preference_order ?? []
  order.forEach((name, i) => {
    const value = name.trim().toLowerCase()
    candidates.push({
      layer: 'factory-config',
      key: `default_provider_preference_order[${i}]`,
      origin: ws.factory.path,
      value: value as ProviderName,
      ...(isProviderName(value) ? {} : { skipReason: `${value}: no handler in this app` }),
    })
  })
  const orderHasHandler = order.some((name) => isProviderName(name.trim().toLowerCase()))
  if (order.length > 0 && !orderHasHandler && requested === undefined) {
    const reason = `none of default_provider_preference_order (${order.join(', ')}) has a handler in this app, using Mock`
    candidates.push({
      layer: 'factory-config',
      key: 'mock fallback',
      origin: ws.factory.path,
      value: 'mock',
    })
    return { field: pickFirst(candidates, String), fallbackReason: reason }
  }
  for (const found of ws.global.lookup('llm.default_provider')) {
    const value = presentString(found.value)?.toLowerCase()
    candidates.push({
      layer: 'global-config',
      key: found.key,
      origin: found.origin,
      value: value as ProviderName | undefined,
      ...(value === undefined || isProviderName(value)
        ? {}
        : { skipReason: `${value}: no handler in this app` }),
    })
  }
  candidates.push({ layer: 'default', key: 'default provider', origin: BUILT_IN, value: 'ollama' })
  return { field: pickFirst(candidates, String), fallbackReason: null }
}

function resolveModel(
  p: ProviderName,
  args: HandlerArgs,
  ws: WorkspaceConfig,
  catalog: Catalog,
): ResolvedField<string> {
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
    key: `default model for ${p}`,
    origin: BUILT_IN,
    value: DEFAULT_MODELS[p],
  })
  return pickFirst(candidates, String)
}

function resolveApiKey(
  p: ProviderName,
  args: HandlerArgs,
  ws: WorkspaceConfig,
  secrets: SecretsSnapshot,
): ResolvedField<string | null> {
  const envName = API_KEY_ENV[p]
  const mask = (v: string | null) =>
    v !== null && secretRefName(v) !== undefined ? v : (maskSecret(v) ?? 'none')
  if (envName === undefined) {
    return pickFirst<string | null>(
      [{ layer: 'default', key: `${p} needs no API key`, origin: BUILT_IN, value: null }],
      mask,
    )
  }
  const plainEnv = ws.global.env(envName)
  const candidates: Candidate<string | null>[] = [
    { layer: 'argument', key: 'apiKey', origin: 'argument', value: presentString(args.apiKey) },
    {
      layer: 'factory-config',
      key: `${p}_settings_for_factory.api_key_override`,
      origin: ws.factory.path,
      value: presentString(factorySettings(ws, p).api_key_override),
    },
    ...globalCandidates(ws, `llm.${p}.api_key`),
    {
      layer: 'global-config',
      key: envName,
      origin: plainEnv?.origin ?? `env:${envName}`,
      value: presentString(plainEnv?.value),
    },
    { layer: 'default', key: 'no API key set', origin: BUILT_IN, value: null },
  ]
  return pickFirst(
    candidates.map((c) => withSecret(c, secrets)),
    mask,
  )
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
  p: ProviderName,
  args: HandlerArgs,
  ws: WorkspaceConfig,
): ResolvedField<string | null> {
  const candidates: Candidate<string | null>[] = [
    { layer: 'argument', key: 'baseUrl', origin: 'argument', value: presentString(args.baseUrl) },
    {
      layer: 'factory-config',
      key: `${p}_settings_for_factory.base_url_override`,
      origin: ws.factory.path,
      value: presentString(factorySettings(ws, p).base_url_override),
    },
    ...globalCandidates(ws, `llm.${p}.base_url`),
  ]
  if (p === 'ollama') {
    const host = ws.global.env('OLLAMA_HOST')
    const value = presentString(host?.value)
    candidates.push({
      layer: 'global-config',
      key: 'OLLAMA_HOST',
      origin: host?.origin ?? 'env:OLLAMA_HOST',
      value: value === undefined ? undefined : ollamaHostToUrl(value),
    })
  }
  candidates.push({
    layer: 'default',
    key: p === 'ollama' ? 'default Ollama URL' : `${p} SDK default`,
    origin: BUILT_IN,
    value: p === 'ollama' ? DEFAULT_OLLAMA_BASE_URL : null,
  })
  // A URL with a credential in it (user:pass@, ?key=) is shown without it.
  return pickFirst(candidates, (v) => (v === null ? 'SDK default' : redactSecrets(v)))
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
