// The OpenAI-compatible provider (vLLM, OpenRouter, xAI, OpenAI, Together, LM Studio, custom endpoints).
import { apiKeyVariable } from '../http-errors'
import { providerFetch } from '../provider-fetch'
import type { ProviderClientFactory } from '../types'
import { openAiSdkBaseUrl } from './base-url'
import { OpenAiCompatibleClient } from './client'
import { FailedResponseBodies } from './failed-bodies'

/** The SDK insists on a key; keyless servers (vLLM, LM Studio) get this, and no Authorization header. */
const NO_KEY = 'no-key'

const createOpenAiCompatibleClient: ProviderClientFactory = async (settings) => {
  // Loaded here, not at the top: a missing SDK rejects this promise and the factory falls back.
  const { default: OpenAI } = await import('openai')
  const provider = settings.provider ?? 'openai-compatible'
  const baseURL = openAiSdkBaseUrl(settings.baseUrl)
  const bodies = new FailedResponseBodies()
  const client = new OpenAI({
    apiKey: settings.apiKey ?? NO_KEY,
    // Always explicit (null included), so the SDK never reads OPENAI_BASE_URL, OPENAI_ORG_ID or
    // OPENAI_PROJECT_ID behind the layered config's back, nor sends OpenAI headers to other servers.
    baseURL,
    organization: null,
    project: null,
    // The factory owns retries (honouring retry-after); SDK retries would multiply them.
    maxRetries: 0,
    fetch: bodies.wrap(providerFetch(settings.fetch)),
    defaultHeaders: {
      ...(settings.apiKey ? {} : { Authorization: null }),
      ...settings.headers,
    },
  })
  return new OpenAiCompatibleClient(client, OpenAI, bodies, {
    provider,
    service: settings.displayName ?? 'OpenAI-compatible server',
    baseUrl: settings.baseUrl ?? baseURL,
    keyVariable:
      settings.keyVariable ??
      apiKeyVariable(provider === 'openai-compatible' ? 'openai' : provider),
  })
}

export default createOpenAiCompatibleClient
