// Which protocol folder serves which protocol; each is imported only when a handler first needs it.
import type { ProviderProtocol } from '../../../shared/providers'
import type { HandlerClass } from '../../../shared/resolution'
import type { ProviderClientFactory } from '../providers/types'

export type ProtocolLoaders = Partial<
  Record<ProviderProtocol, () => Promise<ProviderClientFactory>>
>

/** Every protocol has a loader; a provider whose SDK fails to load is answered by Mock, with the reason. */
export const PROTOCOL_LOADERS: ProtocolLoaders = {
  ollama: async () => (await import('../providers/ollama/index')).default,
  'openai-compatible': async () => (await import('../providers/openai-compatible/index')).default,
  anthropic: async () => (await import('../providers/anthropic/index')).default,
  mistral: async () => (await import('../providers/mistral/index')).default,
  gemini: async () => (await import('../providers/gemini/index')).default,
  groq: async () => (await import('../providers/groq/index')).default,
  mock: async () => (await import('../providers/mock/index')).default,
}

export const HANDLER_CLASSES: Record<ProviderProtocol, HandlerClass> = {
  ollama: 'OllamaHandler',
  'openai-compatible': 'OpenAICompatibleHandler',
  anthropic: 'AnthropicHandler',
  mistral: 'MistralHandler',
  gemini: 'GeminiHandler',
  groq: 'GroqHandler',
  mock: 'MockHandler',
}

export function protocolUnavailableReason(provider: string, protocol: ProviderProtocol): string {
  return `${provider}: ${protocol} protocol not available, using Mock`
}
