// The Groq provider: loads groq-sdk on demand and builds a ProviderClient from resolved settings.
import { LlmError } from '../../../../shared/llm'
import { providerFetch } from '../provider-fetch'
import type { ProviderClientFactory } from '../types'
import { GROQ_API_PATH, groqSdkBaseUrl } from './base-url'
import { GroqProviderClient } from './client'

const createGroqClient: ProviderClientFactory = async (settings) => {
  // Loaded here, not at the top: a missing SDK rejects this promise and the factory falls back.
  const { default: Groq } = await import('groq-sdk')
  if (!settings.apiKey) {
    // groq-sdk would otherwise read GROQ_API_KEY from process.env behind the layered config's back.
    throw new LlmError({
      code: 'auth',
      provider: 'groq',
      model: settings.model,
      message:
        'No Groq API key: enter one in the API key field on the Providers screen, or set GROQ_API_KEY.',
    })
  }
  const baseURL = groqSdkBaseUrl(settings.baseUrl)
  const client = new Groq({
    apiKey: settings.apiKey,
    // Always explicit, so the SDK never falls back to GROQ_BASE_URL from the environment.
    baseURL,
    // The factory owns retries (honouring retry-after); SDK retries would multiply them.
    maxRetries: 0,
    fetch: providerFetch(settings.fetch),
    defaultHeaders: settings.headers,
  })
  return new GroqProviderClient(client, Groq, settings.baseUrl ?? `${baseURL}${GROQ_API_PATH}`)
}

export default createGroqClient
