// The factory's public entry: createLlmFactory({ workspace, env?, fetch? }) → resolve / createLlmHandler.
import { mergeCatalog } from '../catalog'
import { loadWorkspaceConfig } from '../config'
import type { WorkspaceConfig } from '../config/types'
import { maskSecret } from '../../../shared/llm'
import { redactSecrets } from '../../../shared/redaction'
import type { ResolutionView, SkippedProvider } from '../../../shared/resolution'
import type { IdentityTokenSource } from '../providers/identity-token'
import type { ProviderRegistry } from '../providers/registry'
import { buildProviderRegistry } from '../providers/registry'
import type { CallPolicy } from './call-policy'
import { buildHandler, plannedHandler } from './build-handler'
import type { ProtocolLoaders } from './provider-loaders'
import { PROTOCOL_LOADERS } from './provider-loaders'
import { runtimeSettings, withHeaderChanges } from './provider-runtime'
import type { ResolvedFields, SecretsSnapshot } from './resolve-fields'
import { NO_SECRETS, resolveFields } from './resolve-fields'
import type { SecretStore } from '../secrets/types'
import { ResilienceRegistry } from '../resilience'
import { createFailover } from './failover'
import { ollamaFallbackUrl } from './fallback-url'
import { providersHealth } from './health'
import type { HandlerArgs, LlmFactory, LlmHandler, Resolution, TrialHandlerArgs } from './types'

export { LlmError } from '../../../shared/llm'
export type { CallAttempt } from '../../../shared/failover'
export type { EndpointHealth } from '../../../shared/provider-health'
export { ResilienceRegistry } from '../resilience'
export { RoutedError, attemptsOf } from './attempts'
export type { FailoverOptions, FailoverResult, PlannedEntry } from './failover'
export type {
  CallOptions,
  HandlerArgs,
  LlmFactory,
  LlmHandler,
  Resolution,
  TrialHandlerArgs,
} from './types'
export type { IdentityTokenSource } from '../providers/identity-token'
export type { ProviderRegistry } from '../providers/registry'

export interface LlmFactoryOptions {
  /** The workspace folder (shaped like a mindX checkout). */
  workspace: string
  /** The environment to read MINDX_* and provider variables from; defaults to process.env. */
  env?: Record<string, string | undefined>
  /** Injected into SDKs that accept one (tests, proxies). */
  fetch?: typeof fetch
  /** Retry/timeout behaviour; tests shorten the sleeps. */
  policy?: Partial<CallPolicy>
  /** Replace or remove protocol folders (tests of the fallback path), keyed by protocol. */
  protocols?: ProtocolLoaders
  /** Where `"secret:NAME"` API keys live (safeStorage in Electron, a 0600 file otherwise). */
  secrets?: SecretStore
  /** Google identity tokens for custom endpoints with `auth: "gcloud-identity-token"`. */
  identityTokens?: IdentityTokenSource
  /**
   * Budgets, cooldowns and circuits: one per process (the app's session passes its own so they
   * outlive a workspace switch); by default each factory has its own.
   */
  resilience?: ResilienceRegistry
}

interface LoadedWorkspace {
  ws: WorkspaceConfig
  registry: ProviderRegistry
  secrets: SecretsSnapshot
}

export function createLlmFactory(options: LlmFactoryOptions): LlmFactory {
  const env = options.env ?? process.env
  const loaders: ProtocolLoaders = { ...PROTOCOL_LOADERS, ...options.protocols }
  const resilience = options.resilience ?? new ResilienceRegistry()
  let workspace: Promise<LoadedWorkspace> | undefined
  const handlers = new Map<string, Promise<LlmHandler>>()
  const settled = new Map<string, LlmHandler>()

  const loadWorkspace = () => {
    workspace ??= loadWorkspaceWithSecrets(options.workspace, env, options.secrets).catch(
      (err: unknown) => {
        workspace = undefined // a fixed file is picked up by the next call
        throw err
      },
    )
    return workspace
  }

  // The fallback reason is part of what a handler says about itself (a Mock standing in for
  // vllm is not the Mock chosen on purpose), so it is part of the key too.
  const cacheKey = (fields: ResolvedFields) =>
    JSON.stringify([
      fields.provider.value,
      fields.model.value,
      fields.apiKey.value,
      fields.baseUrl.value,
      fields.fallbackReason,
    ])

  const buildOptions = (loaded: LoadedWorkspace, health: ResilienceRegistry) => ({
    loaders,
    policy: options.policy,
    fetch: options.fetch,
    identityTokens: options.identityTokens,
    secretStoreLabel: loaded.secrets.label,
    resilience: health,
  })

  const handlerFor = (loaded: LoadedWorkspace, fields: ResolvedFields): Promise<LlmHandler> => {
    const key = cacheKey(fields)
    let handler = handlers.get(key)
    if (!handler) {
      const runtime = runtimeSettings(loaded.ws, fields.descriptor, loaded.secrets)
      // Stored before it settles so concurrent callers share one creation (single flight).
      handler = buildHandler(loaded.ws, fields, runtime, buildOptions(loaded, resilience))
      handlers.set(key, handler)
      handler.then(
        (built) => settled.set(key, built),
        () => handlers.delete(key),
      )
    }
    return handler
  }

  const fieldsFor = async (args: HandlerArgs) => {
    const loaded = await loadWorkspace()
    const { ws, registry, secrets } = loaded
    return {
      loaded,
      fields: resolveFields(args, { ws, registry, catalog: catalogOf(ws), secrets }),
    }
  }

  const resolve = async (args: HandlerArgs = {}): Promise<Resolution> => {
    const { loaded, fields } = await fieldsFor(args)
    const { ws, secrets } = loaded
    // Resolving loads no SDK: a handler built earlier reports what actually happened (e.g. an
    // SDK that failed to load); otherwise the protocol's plan is reported.
    const built = settled.get(cacheKey(fields))
    const { handlerClass, fallbackReason } = built
      ? { handlerClass: built.handlerClass, fallbackReason: built.fallbackReason }
      : plannedHandler(fields, loaders)
    const { missingSecrets: _missing, ...settings } = runtimeSettings(
      ws,
      fields.descriptor,
      secrets,
    )
    const view: ResolutionView = {
      provider: fields.provider.value,
      displayName: fields.descriptor.displayName,
      protocol: fields.descriptor.protocol,
      model: fields.model.value,
      apiKey: maskSecret(fields.apiKey.value),
      baseUrl: fields.baseUrl.value === null ? null : redactSecrets(fields.baseUrl.value),
      handler: handlerClass,
      fallbackReason,
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
      skipped: skippedProviders(fields),
      warnings: [...ws.global.warnings],
    }
    const fallbackUrl = fields.descriptor.protocol === 'ollama' ? ollamaFallbackUrl(ws) : undefined
    return {
      ...fields,
      ...settings,
      ...(fallbackUrl ? { fallbackUrl } : {}),
      handler: handlerClass,
      fallbackReason,
      view,
    }
  }

  const createLlmHandler = async (args: HandlerArgs = {}) => {
    const { loaded, fields } = await fieldsFor(args)
    return handlerFor(loaded, fields)
  }
  const trialHandler = async ({ headers, removeHeaders, ...args }: TrialHandlerArgs) => {
    const { loaded, fields } = await fieldsFor(args)
    const runtime = withHeaderChanges(
      runtimeSettings(loaded.ws, fields.descriptor, loaded.secrets),
      { headers, removeHeaders },
    )
    // Its own registry: a typed wrong key must not put the saved provider in cooldown.
    const health = new ResilienceRegistry(resilience.clock)
    return buildHandler(loaded.ws, fields, runtime, buildOptions(loaded, health))
  }
  const failover = createFailover({
    workspace: loadWorkspace,
    resolve,
    createLlmHandler,
  })

  return {
    resolve,
    createLlmHandler,
    trialHandler,
    generateWithFailover: failover.generate,
    streamWithFailover: failover.stream,
    failoverPlan: failover.plan,
    async health() {
      const { ws, registry } = await loadWorkspace()
      return providersHealth(resilience, ws, registry, resolve)
    },
    resetHealth: (filter = {}) => resilience.reset(filter),
    async catalog() {
      return catalogOf((await loadWorkspace()).ws)
    },
    async providers() {
      return (await loadWorkspace()).registry
    },
    clearHandlerCache() {
      handlers.clear()
      settled.clear()
      workspace = undefined
    },
  }
}

/** Providers passed over: skipped order entries, or an unknown requested name Mock stands in for. */
function skippedProviders(fields: ResolvedFields): SkippedProvider[] {
  return fields.provider.chain.flatMap((step) => {
    const passedOver =
      step.status === 'skipped' || (step.layer === 'argument' && step.reason !== undefined)
    return passedOver ? [{ provider: step.value ?? '', reason: step.reason ?? 'skipped' }] : []
  })
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
  return {
    ws,
    registry: buildProviderRegistry(ws),
    secrets: store ? { label: store.label, values } : NO_SECRETS,
  }
}

function catalogOf(ws: WorkspaceConfig) {
  return mergeCatalog(ws.factory.data.ollama_settings_for_factory?.cloud_run_friendly_models)
}
