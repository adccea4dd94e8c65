// Stands in for a provider's client when it cannot be called as configured: every call fails with `auth`.
import { LlmError } from '../../../shared/llm'
import type { ProviderDescriptor } from '../../../shared/providers'
import type { ProviderClient } from '../providers/types'

export function missingKeyMessage(d: ProviderDescriptor): string {
  const p = d.name
  const variables =
    d.keyEnv.length === 0 ? '' : `; or the ${d.keyEnv.join(' or ')} environment variable`
  const ways = d.keyEnv.length === 0 ? 'two' : 'three'
  return (
    `No ${d.displayName} API key is set. Set it in one of ${ways} ways: ` +
    `${p}_settings_for_factory.api_key_override in llm_factory_config.json; ` +
    `llm.${p}.api_key (MINDX_LLM__${p.toUpperCase()}__API_KEY, .env or mindx_config.json)` +
    `${variables}.`
  )
}

export function createMissingKeyClient(d: ProviderDescriptor): ProviderClient {
  return createAuthFailingClient(d.name, missingKeyMessage(d))
}

/** A client whose every call rejects with an `auth` LlmError carrying `message`. */
export function createAuthFailingClient(provider: string, message: string): ProviderClient {
  const error = () => new LlmError({ code: 'auth', provider, message })
  return {
    provider,
    generate: () => Promise.reject(error()),
    stream: () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error()) }),
    }),
    listModels: () => Promise.reject(error()),
  }
}
