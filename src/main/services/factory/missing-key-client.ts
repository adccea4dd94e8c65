// Stands in for a keyed provider's client when no key is set: every call fails with `auth`.
import { LlmError } from '../../../shared/llm'
import type { ProviderName } from '../../../shared/llm'
import type { ProviderClient } from '../providers/types'
import { PROVIDER_LABELS } from './provider-loaders'

export function missingKeyMessage(provider: ProviderName, envName: string): string {
  const label = PROVIDER_LABELS[provider]
  return (
    `No ${label} API key is set. Set it in one of three ways: ` +
    `${provider}_settings_for_factory.api_key_override in llm_factory_config.json; ` +
    `llm.${provider}.api_key (MINDX_LLM__${provider.toUpperCase()}__API_KEY, .env or mindx_config.json); ` +
    `or the ${envName} environment variable.`
  )
}

export function createMissingKeyClient(provider: ProviderName, envName: string): ProviderClient {
  const error = () =>
    new LlmError({ code: 'auth', provider, message: missingKeyMessage(provider, envName) })
  return {
    provider,
    generate: () => Promise.reject(error()),
    stream: () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error()) }),
    }),
    listModels: () => Promise.reject(error()),
  }
}
