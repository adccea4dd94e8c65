// Which provider answers: the argument, the preference order, llm.default_provider, Ollama; unknown names are skipped.
import type { ResolvedField } from '../../../shared/llm'
import { noHandlerReason } from '../../../shared/providers'
import type { WorkspaceConfig } from '../config/types'
import type { ProviderRegistry } from '../providers/registry'
import type { Candidate } from './provenance'
import { pickFirst, presentString } from './provenance'
import type { HandlerArgs } from './types'

export interface ResolvedProvider {
  field: ResolvedField<string>
  /** Set when the requested provider is unknown and Mock stands in. */
  fallbackReason: string | null
}

export function resolveProvider(
  args: HandlerArgs,
  ws: WorkspaceConfig,
  registry: ProviderRegistry,
): ResolvedProvider {
  const known = (name: string) => registry.has(name)
  const requested = presentString(args.provider)?.toLowerCase()
  if (requested !== undefined && !known(requested)) {
    const reason = `${noHandlerReason(requested)}, using Mock`
    const field = pickFirst<string>(
      [{ layer: 'argument', key: 'provider', origin: 'argument', value: 'mock' }],
      String,
    )
    field.chain[0] = { ...field.chain[0]!, value: requested, reason }
    return { field, fallbackReason: reason }
  }
  const candidates: Candidate<string>[] = [
    { layer: 'argument', key: 'provider', origin: 'argument', value: requested },
  ]
  const order = ws.factory.data.default_provider_preference_order ?? []
  order.forEach((name, i) => {
    const value = name.trim().toLowerCase()
    candidates.push({
      layer: 'factory-config',
      key: `default_provider_preference_order[${i}]`,
      origin: ws.factory.path,
      value,
      ...(known(value) ? {} : { skipReason: noHandlerReason(value) }),
    })
  })
  const orderHasHandler = order.some((name) => known(name.trim().toLowerCase()))
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
      value,
      ...(value === undefined || known(value) ? {} : { skipReason: noHandlerReason(value) }),
    })
  }
  candidates.push({
    layer: 'default',
    key: 'default provider',
    origin: 'built-in',
    value: 'ollama',
  })
  return { field: pickFirst(candidates, String), fallbackReason: null }
}
