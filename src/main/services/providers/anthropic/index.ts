// The Anthropic provider: loads @anthropic-ai/sdk on demand and builds a ProviderClient from settings.
import { LlmError } from '../../../../shared/llm'
import { providerFetch } from '../provider-fetch'
import type { ProviderClientFactory } from '../types'
import { anthropicSdkBaseUrl } from './base-url'
import { AnthropicProviderClient } from './client'

const createAnthropicClient: ProviderClientFactory = async (settings) => {
  // Loaded here, not at the top: a missing SDK rejects this promise and the factory falls back.
  const { default: Anthropic } = await import('@anthropic-ai/sdk')
  const provider = settings.provider ?? 'anthropic'
  const keyVariable = settings.keyVariable ?? 'ANTHROPIC_API_KEY'
  const service = settings.displayName ?? 'Anthropic API'
  if (!settings.apiKey) {
    // Without a key the SDK would look for one in the environment and config profiles on disk.
    throw new LlmError({
      code: 'auth',
      provider,
      model: settings.model,
      message: `No ${service} key: enter one in the API key field on the Providers screen, or set ${keyVariable}.`,
    })
  }
  const baseURL = anthropicSdkBaseUrl(settings.baseUrl)
  const client = new Anthropic({
    apiKey: settings.apiKey,
    // Always explicit, so the SDK never falls back to ANTHROPIC_BASE_URL from the environment.
    baseURL,
    // The factory owns retries (honouring retry-after); SDK retries would multiply them.
    maxRetries: 0,
    fetch: providerFetch(settings.fetch),
    defaultHeaders: settings.headers,
    // No tracing spans nor trace headers from a desktop app.
    openTelemetry: false,
  })
  return new AnthropicProviderClient(client, Anthropic, {
    provider,
    service,
    baseUrl: settings.baseUrl ?? baseURL,
    keyVariable,
  })
}

export default createAnthropicClient
