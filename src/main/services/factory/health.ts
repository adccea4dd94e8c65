// Each provider's health per base URL (budget use, cooldown, circuit) from the process's registry.
import type { EndpointHealth } from '../../../shared/provider-health'
import type { WorkspaceConfig } from '../config/types'
import type { EndpointState, ResilienceRegistry } from '../resilience'
import { readFailoverSettings, readRateLimits } from '../resilience'
import { knownProviders } from './chain-providers'
import { handlerBaseUrls } from './fallback-url'
import type { HandlerArgs, Resolution } from './types'

/** The endpoint's state with this workspace's limits and failover settings applied. */
export function configuredEndpoint(
  registry: ResilienceRegistry,
  ws: WorkspaceConfig,
  provider: string,
  baseUrl: string | null,
): EndpointState {
  const state = registry.endpoint(provider, baseUrl)
  const { limits, sources } = readRateLimits(ws, provider)
  state.configure(limits, sources, readFailoverSettings(ws))
  return state
}

export async function providersHealth(
  registry: ResilienceRegistry,
  ws: WorkspaceConfig,
  resolve: (args: HandlerArgs) => Promise<Resolution>,
): Promise<EndpointHealth[]> {
  const now = registry.clock.now()
  const perProvider = await Promise.all(
    knownProviders().map(async (provider) => {
      const resolution = await resolve({ provider })
      return handlerBaseUrls(ws, resolution).map((baseUrl, i) =>
        configuredEndpoint(registry, ws, provider, baseUrl).view(
          now,
          i === 0 ? 'base' : 'fallback',
        ),
      )
    }),
  )
  return perProvider.flat()
}
