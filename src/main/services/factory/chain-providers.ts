// What failover and health ask about the provider set: the workspace's provider registry.
import type { ProviderRegistry } from '../providers/registry'

/** Providers whose health is shown: every one in the registry (built-ins, then custom endpoints). */
export function knownProviders(registry: ProviderRegistry): readonly string[] {
  return registry.list().map((d) => d.name)
}

export function providerHasHandler(registry: ProviderRegistry, name: string): boolean {
  return registry.has(name)
}

/** Whether calls need an API key (requiresKey); one without it is skipped in a chain. */
export function providerNeedsKey(registry: ProviderRegistry, name: string): boolean {
  return registry.get(name)?.requiresKey ?? false
}
