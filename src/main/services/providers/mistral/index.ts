// The Mistral provider: loads @mistralai/mistralai (ESM only) on demand and builds a ProviderClient.
import { LlmError } from '../../../../shared/llm'
import type { ProviderClientFactory } from '../types'
import { mistralServerUrl } from './base-url'
import { MistralProviderClient } from './client'

const createMistralClient: ProviderClientFactory = async (settings) => {
  // Loaded here, not at the top: a missing SDK rejects this promise and the factory falls back.
  const [{ Mistral, HTTPClient }, sdkErrors] = await Promise.all([
    import('@mistralai/mistralai'),
    import('@mistralai/mistralai/models/errors'),
  ])
  const provider = settings.provider ?? 'mistral'
  const keyVariable = settings.keyVariable ?? 'MISTRAL_API_KEY'
  const service = settings.displayName ?? 'Mistral API'
  if (!settings.apiKey) {
    throw new LlmError({
      code: 'auth',
      provider,
      model: settings.model,
      message: `No ${service} key: enter one in the API key field on the Providers screen, or set ${keyVariable}.`,
    })
  }
  const serverURL = mistralServerUrl(settings.baseUrl)
  const baseFetch = settings.fetch ?? globalThis.fetch
  const client = new Mistral({
    apiKey: settings.apiKey,
    serverURL,
    // The SDK's fetcher gets a ready Request; the injected fetch (tests, proxies) sends it.
    httpClient: new HTTPClient({ fetcher: (input, init) => baseFetch(input, init) }),
    // The factory owns retries (honouring retry-after); SDK retries would multiply them.
    retryConfig: { strategy: 'none' },
  })
  return new MistralProviderClient(client, sdkErrors, settings.headers ?? {}, {
    provider,
    service,
    baseUrl: settings.baseUrl ?? `${serverURL}/v1`,
    keyVariable,
  })
}

export default createMistralClient
