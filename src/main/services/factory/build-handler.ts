// Builds the LlmHandler for resolved fields: the protocol's client, or the missing-key / Mock stand-ins with why.
import type { HandlerClass } from '../../../shared/resolution'
import type { WorkspaceConfig } from '../config/types'
import type { IdentityTokenSource } from '../providers/identity-token'
import { fetchWithIdentityToken } from '../providers/identity-token'
import type { ProviderClient, ProviderSettings } from '../providers/types'
import type { ResilienceRegistry } from '../resilience'
import type { CallPolicy } from './call-policy'
import { DEFAULT_CALL_POLICY } from './call-policy'
import { handlerBaseUrls } from './fallback-url'
import type { HandlerEndpoint } from './handler'
import { createHandler } from './handler'
import { configuredEndpoint } from './health'
import { createAuthFailingClient, createMissingKeyClient } from './missing-key-client'
import type { ProtocolLoaders } from './provider-loaders'
import { HANDLER_CLASSES, protocolUnavailableReason } from './provider-loaders'
import type { RuntimeSettings } from './provider-runtime'
import type { ResolvedFields } from './resolve-fields'
import type { LlmHandler } from './types'

export interface BuildHandlerOptions {
  loaders: ProtocolLoaders
  policy?: Partial<CallPolicy>
  fetch?: typeof fetch
  identityTokens?: IdentityTokenSource
  secretStoreLabel: string
  /** The process's budgets, cooldowns and circuits (one state per provider + base URL). */
  resilience: ResilienceRegistry
}

/** What resolve reports without loading any SDK: the protocol's handler, or Mock and why. */
export function plannedHandler(
  fields: ResolvedFields,
  loaders: ProtocolLoaders,
): { handlerClass: HandlerClass; fallbackReason: string | null } {
  const { name, protocol } = fields.descriptor
  if (loaders[protocol] === undefined) {
    return {
      handlerClass: 'MockHandler',
      fallbackReason: protocolUnavailableReason(name, protocol),
    }
  }
  return { handlerClass: HANDLER_CLASSES[protocol], fallbackReason: fields.fallbackReason }
}

export async function buildHandler(
  ws: WorkspaceConfig,
  fields: ResolvedFields,
  runtime: RuntimeSettings,
  options: BuildHandlerOptions,
): Promise<LlmHandler> {
  const d = fields.descriptor
  const provider = d.name
  const policy = { ...DEFAULT_CALL_POLICY, ...options.policy, timeoutMs: runtime.timeoutMs }
  const base = { model: fields.model.value, policy, provider, clock: options.resilience.clock }
  const handlerClass = HANDLER_CLASSES[d.protocol]
  const endpoint = (name: string, baseUrl: string | null, client: ProviderClient) => ({
    baseUrl,
    client,
    state: configuredEndpoint(options.resilience, ws, name, baseUrl),
  })
  const standIn = (client: ProviderClient) =>
    createHandler({
      ...base,
      endpoints: [endpoint(provider, fields.baseUrl.value, client)],
      handlerClass,
      fallbackReason: null,
    })

  if (d.requiresKey && fields.apiKey.value === null) return standIn(createMissingKeyClient(d))
  const missing = runtime.missingSecrets[0]
  if (missing !== undefined) {
    const message =
      `The ${missing.header} header of ${provider} refers to secret:${missing.secret}, which is ` +
      `not in the ${options.secretStoreLabel}. Enter the header again on the Providers screen.`
    return standIn(createAuthFailingClient(provider, message))
  }
  let fetchFn = options.fetch
  if (d.auth === 'gcloud-identity-token') {
    if (options.identityTokens === undefined) {
      const message = `${provider} needs a Google identity token, and this app has no token source here (run it with gcloud available).`
      return standIn(createAuthFailingClient(provider, message))
    }
    // Cloud Run checks the token's audience against the service URL (scheme + host).
    const audience = new URL(fields.baseUrl.value ?? d.defaultBaseUrl ?? '').origin
    fetchFn = fetchWithIdentityToken(fetchFn ?? fetch, options.identityTokens, audience)
  }

  const loader = options.loaders[d.protocol]
  const mockLoader = options.loaders.mock
  const useMock = async (fallbackReason: string) => {
    if (mockLoader === undefined) throw new Error(`no Mock protocol loader (${fallbackReason})`)
    const client = await (await mockLoader())({ provider: 'mock', model: 'mock-model' })
    return createHandler({
      ...base,
      provider: 'mock',
      endpoints: [endpoint('mock', null, client)],
      handlerClass: 'MockHandler',
      fallbackReason,
    })
  }
  if (loader === undefined) return useMock(protocolUnavailableReason(provider, d.protocol))

  const settings = (baseUrl: string | null): ProviderSettings => ({
    provider,
    // For messages: "OpenRouter rejected the API key … or set OPENROUTER_API_KEY".
    displayName: d.displayName,
    keyVariable: d.keyEnv[0] ?? `MINDX_LLM__${provider.toUpperCase()}__API_KEY`,
    model: fields.model.value,
    ...(fields.apiKey.value === null ? {} : { apiKey: fields.apiKey.value }),
    ...(baseUrl === null ? {} : { baseUrl }),
    headers: runtime.headers,
    ...(runtime.keepAlive === undefined ? {} : { keepAlive: runtime.keepAlive }),
    ...(fetchFn ? { fetch: fetchFn } : {}),
    ...(d.protocol === 'mock' ? { mock: mockSettings(ws) } : {}),
  })
  let endpoints: HandlerEndpoint[]
  try {
    const create = await loader()
    endpoints = await Promise.all(
      handlerBaseUrls(ws, fields).map(async (baseUrl) =>
        endpoint(provider, baseUrl, await create(settings(baseUrl))),
      ),
    )
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    return useMock(`${provider}: its SDK could not be loaded (${detail}), using Mock`)
  }
  const fallbackReason = d.protocol === 'mock' ? fields.fallbackReason : null
  return createHandler({ ...base, endpoints, handlerClass, fallbackReason })
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
