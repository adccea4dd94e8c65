// The Gemini provider: loads @google/generative-ai on demand and builds a ProviderClient from settings.
import { LlmError } from '../../../../shared/llm'
import type { ProviderClientFactory } from '../types'
import { geminiEndpoint } from './base-url'
import { GeminiProviderClient } from './client'

/** The SDK refuses these in customHeaders (it sets them itself), so they are dropped, not thrown. */
const RESERVED_HEADERS = new Set(['x-goog-api-key', 'x-goog-api-client'])

const createGeminiClient: ProviderClientFactory = async (settings) => {
  // Loaded here, not at the top: a missing SDK rejects this promise and the factory falls back.
  const sdk = await import('@google/generative-ai')
  if (!settings.apiKey) {
    throw new LlmError({
      code: 'auth',
      provider: 'gemini',
      model: settings.model,
      message:
        'No Gemini API key: enter one in the API key field on the Providers screen, or set GEMINI_API_KEY.',
    })
  }
  const endpoint = geminiEndpoint(settings.baseUrl)
  const headers = Object.fromEntries(
    Object.entries(settings.headers ?? {}).filter(
      ([name]) => !RESERVED_HEADERS.has(name.toLowerCase()),
    ),
  )
  return new GeminiProviderClient(sdk, {
    ...endpoint,
    apiKey: settings.apiKey,
    headers,
    fetch: settings.fetch,
    displayUrl: settings.baseUrl ?? `${endpoint.baseUrl}/${endpoint.apiVersion}`,
  })
}

export default createGeminiClient
