// What failover and health ask about the provider set: the one seam to switch to the registry.
import { isProviderName, PROVIDERS } from '../../../shared/llm'
import { API_KEY_ENV } from './resolve-fields'

/** Providers whose health is shown (every provider with a handler in this app). */
export function knownProviders(): readonly string[] {
  return PROVIDERS
}

export function providerHasHandler(name: string): boolean {
  return isProviderName(name)
}

/** Whether calls need an API key (requiresKey); one without it is skipped in a chain. */
export function providerNeedsKey(name: string): boolean {
  return isProviderName(name) && API_KEY_ENV[name] !== undefined
}
