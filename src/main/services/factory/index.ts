// The factory's public entry: createLlmFactory({ workspace, env?, fetch? }) → resolve / createLlmHandler.
import { mergeCatalog } from '../catalog'
import { loadWorkspaceConfig } from '../config'
import type { WorkspaceConfig } from '../config/types'
import type { ProviderName } from '../../../shared/llm'
import { maskSecret } from '../../../shared/llm'
import type { ResolutionView } from '../../../shared/resolution'
import type { ProviderSettings } from '../providers/types'
import type { CallPolicy } from './call-policy'
import { DEFAULT_CALL_POLICY } from './call-policy'
import { createHandler } from './handler'
import { createMissingKeyClient } from './missing-key-client'
import type { ProviderLoaders } from './provider-loaders'
import { HANDLER_CLASSES, PROVIDER_LOADERS } from './provider-loaders'
import type { ResolvedFields, SecretsSnapshot } from './resolve-fields'
import { API_KEY_ENV, factorySettings, NO_SECRETS, resolveFields } from './resolve-fields'
import type { SecretStore } from '../secrets/types'
import { ResilienceRegistry } from '../resilience'
import type { HandlerEndpoint } from './handler'
import { createFailover } from './failover'
import { handlerBaseUrls, ollamaFallbackUrl } from './fallback-url'
import { configuredEndpoint, providersHealth } from './health'
import type { HandlerArgs, LlmFactory, LlmHandler, Resolution } from './types'

export { LlmError } from '../../../shared/llm'
export type { CallAttempt } from '../../../shared/failover'
export type { EndpointHealth } from '../../../shared/provider-health'
export { ResilienceRegistry } from '../resilience'
export { RoutedError, attemptsOf } from './attempts'
export type { FailoverOptions, FailoverResult, PlannedEntry } from './failover'
export type { CallOptions, HandlerArgs, LlmFactory, LlmHandler, Resolution } from './types'

export interface LlmFactoryOptions {
  /** The workspace folder (shaped like a mindX checkout). */
  workspace: string
  /** The environment to read MINDX_* and provider variables from; defaults to process.env. */
  env?: Record<string, string | undefined>
  /** Injected into SDKs that accept one (tests, proxies). */
  fetch?: typeof fetch
  /** Retry/timeout behaviour; tests shorten the sleeps. */
  policy?: Partial<CallPolicy>
  /** Replace provider folders (tests of the fallback path). */
  providers?: Partial<ProviderLoaders>
  /** Where `"secret:NAME"` API keys live (safeStorage in Electron, a 0600 file otherwise). */
  secrets?: SecretStore
  /**
   * Budgets, cooldowns and circuits: one per process (the app's session passes its own so they
   * outlive a workspace switch); by default each factory has its own.
   */
  resilience?: ResilienceRegistry
}

export function createLlmFactory(options: LlmFactoryOptions): LlmFactory {
  const env = options.env ?? process.env
  const loaders = { ...PROVIDER_LOADERS, ...options.providers }
  const registry = options.resilience ?? new ResilienceRegistry()
  let workspace: Promise<LoadedWorkspace> | undefined
  const handlers = new Map<string, Promise<LlmHandler>>()

  const loadWorkspace = () => {
    workspace ??= loadWorkspaceWithSecrets(options.workspace, env, options.secrets).catch(
      (err: unknown) => {
        workspace = undefined // a fixed file is picked up by the next call
        throw err
      },
    )
    return workspace
  }

  const handlerFor = (ws: WorkspaceConfig, fields: ResolvedFields): Promise<LlmHandler> => {
    const key = JSON.stringify([
      fields.provider.value,
      fields.model.value,
      fields.apiKey.value,
      fields.baseUrl.value,
    ])
    let handler = handlers.get(key)
    if (!handler) {
      // Stored before it settles so concurrent callers share one creation (single flight).
      handler = buildHandler(ws, fields, loaders, options, registry)
      handlers.set(key, handler)
      handler.catch(() => handlers.delete(key))
    }
    return handler
  }

  const fieldsFor = async (args: HandlerArgs) => {
    const { ws, secrets } = await loadWorkspace()
    return { ws, fields: resolveFields(args, ws, catalogOf(ws), secrets) }
  }

  const resolve = async (args: HandlerArgs = {}): Promise<Resolution> => {
    const { ws, fields } = await fieldsFor(args)
    const handler = await handlerFor(ws, fields)
    const settings = runtimeSettings(ws, fields.provider.value)
    const view: ResolutionView = {
      provider: fields.provider.value,
      model: fields.model.value,
      apiKey: maskSecret(fields.apiKey.value),
      baseUrl: fields.baseUrl.value,
      handler: handler.handlerClass,
      fallbackReason: handler.fallbackReason,
      sources: {
        provider: fields.provider.source,
        model: fields.model.source,
        apiKey: fields.apiKey.source,
        baseUrl: fields.baseUrl.source,
      },
      chains: {
        provider: fields.provider.chain,
        model: fields.model.chain,
        apiKey: fields.apiKey.chain,
        baseUrl: fields.baseUrl.chain,
      },
      warnings: [...ws.global.warnings],
    }
    const fallbackUrl = fields.provider.value === 'ollama' ? ollamaFallbackUrl(ws) : undefined
    return {
      ...fields,
      ...settings,
      ...(fallbackUrl ? { fallbackUrl } : {}),
      handler: handler.handlerClass,
      fallbackReason: handler.fallbackReason,
      view,
    }
  }

  const createLlmHandler = async (args: HandlerArgs = {}) => {
    const { ws, fields } = await fieldsFor(args)
    return handlerFor(ws, fields)
  }
  const failover = createFailover({
    workspace: async () => (await loadWorkspace()).ws,
    resolve,
    createLlmHandler,
  })

  return {
    resolve,
    createLlmHandler,
    generateWithFailover: failover.generate,
    streamWithFailover: failover.stream,
    failoverPlan: failover.plan,
    async health() {
      return providersHealth(registry, (await loadWorkspace()).ws, resolve)
    },
    resetHealth: (filter = {}) => registry.reset(filter),
    async catalog() {
      return catalogOf((await loadWorkspace()).ws)
    },
    clearHandlerCache() {
      handlers.clear()
      workspace = undefined
    },
  }
}

interface LoadedWorkspace {
  ws: WorkspaceConfig
  secrets: SecretsSnapshot
}

async function loadWorkspaceWithSecrets(
  root: string,
  env: Record<string, string | undefined>,
  store: SecretStore | undefined,
): Promise<LoadedWorkspace> {
  const [ws, values] = await Promise.all([
    loadWorkspaceConfig({ root, env }),
    store ? store.readAll() : Promise.resolve({}),
  ])
  return { ws, secrets: store ? { label: store.label, values } : NO_SECRETS }
}

function catalogOf(ws: WorkspaceConfig) {
  return mergeCatalog(ws.factory.data.ollama_settings_for_factory?.cloud_run_friendly_models)
}

/** Per-provider settings that are not part of the cache key: headers, keep_alive, timeout. */
function runtimeSettings(
  ws: WorkspaceConfig,
  provider: ProviderName,
): { headers: Record<string, string>; keepAlive?: string | number; timeoutMs?: number } {
  const headers = { ...(factorySettings(ws, provider).headers ?? {}) }
  const keepAlive = ws.global.get(`llm.${provider}.keep_alive`)?.value
  const timeout = Number(ws.global.get(`llm.${provider}.timeout`)?.value)
  return {
    headers,
    ...(typeof keepAlive === 'string' || typeof keepAlive === 'number' ? { keepAlive } : {}),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout * 1000 } : {}),
  }
}

async function buildHandler(
  ws: WorkspaceConfig,
  fields: ResolvedFields,
  loaders: ProviderLoaders,
  options: LlmFactoryOptions,
  registry: ResilienceRegistry,
): Promise<LlmHandler> {
  const provider = fields.provider.value
  const runtime = runtimeSettings(ws, provider)
  const policy = { ...DEFAULT_CALL_POLICY, ...options.policy, timeoutMs: runtime.timeoutMs }
  const base = { model: fields.model.value, policy, clock: registry.clock }
  const stateFor = (name: string, baseUrl: string | null) =>
    configuredEndpoint(registry, ws, name, baseUrl)
  const envName = API_KEY_ENV[provider]
  if (envName !== undefined && fields.apiKey.value === null) {
    const client = createMissingKeyClient(provider, envName)
    const baseUrl = fields.baseUrl.value
    return createHandler({
      ...base,
      provider,
      endpoints: [{ baseUrl, client, state: stateFor(provider, baseUrl) }],
      handlerClass: HANDLER_CLASSES[provider],
      fallbackReason: null,
    })
  }
  const settings = (baseUrl: string | null): ProviderSettings => ({
    model: fields.model.value,
    ...(fields.apiKey.value === null ? {} : { apiKey: fields.apiKey.value }),
    ...(baseUrl === null ? {} : { baseUrl }),
    headers: runtime.headers,
    ...(runtime.keepAlive === undefined ? {} : { keepAlive: runtime.keepAlive }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(provider === 'mock' ? { mock: mockSettings(ws) } : {}),
  })
  let endpoints: HandlerEndpoint[]
  try {
    const create = await loaders[provider]()
    endpoints = await Promise.all(
      handlerBaseUrls(ws, fields).map(async (baseUrl) => ({
        baseUrl,
        client: await create(settings(baseUrl)),
        state: stateFor(provider, baseUrl),
      })),
    )
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    const fallbackReason = `${provider}: its SDK could not be loaded (${detail}), using Mock`
    const client = await (await loaders.mock())({ model: 'mock-model' })
    return createHandler({
      ...base,
      provider: 'mock',
      endpoints: [{ baseUrl: null, client, state: stateFor('mock', null) }],
      handlerClass: 'MockHandler',
      fallbackReason,
    })
  }
  const fallbackReason = provider === 'mock' ? fields.fallbackReason : null
  return createHandler({
    ...base,
    provider,
    endpoints,
    handlerClass: HANDLER_CLASSES[provider],
    fallbackReason,
  })
}

function mockSettings(ws: WorkspaceConfig): NonNullable<ProviderSettings['mock']> {
  const num = (key: string) => {
    const value = Number(ws.global.get(key)?.value)
    return Number.isFinite(value) && value >= 0 ? value : undefined
  }
  const latencyMs = num('llm.mock.latency_ms')
  const chunkDelayMs = num('llm.mock.chunk_delay_ms')
  return {
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(chunkDelayMs === undefined ? {} : { chunkDelayMs }),
  }
}
