// Each provider's health per base URL (budget use, cooldown, circuit) from the process's registry.
import type { EndpointHealth } from '../../../shared/provider-health'
import type { WorkspaceConfig } from '../config/types'
import type { ProviderRegistry } from '../providers/registry'
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
  resilience: ResilienceRegistry,
  ws: WorkspaceConfig,
  providers: ProviderRegistry,
  resolve: (args: HandlerArgs) => Promise<Resolution>,
): Promise<EndpointHealth[]> {
  const now = resilience.clock.now()
  const perProvider = await Promise.all(
    knownProviders(providers).map(async (provider) => {
      const resolution = await resolve({ provider })
      return handlerBaseUrls(ws, resolution).map((baseUrl, i) =>
        configuredEndpoint(resilience, ws, provider, baseUrl).view(
          now,
          i === 0 ? 'base' : 'fallback',
        ),
      )
    }),
  )
  return perProvider.flat()
}
