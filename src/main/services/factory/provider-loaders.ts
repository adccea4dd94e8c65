// Which provider folder serves which name; each is imported only when first needed.
import type { ProviderName } from '../../../shared/llm'
import type { HandlerClass } from '../../../shared/resolution'
import type { ProviderClientFactory } from '../providers/types'

export type ProviderLoaders = Record<ProviderName, () => Promise<ProviderClientFactory>>

export const PROVIDER_LOADERS: ProviderLoaders = {
  ollama: async () => (await import('../providers/ollama/index')).default,
  gemini: async () => (await import('../providers/gemini/index')).default,
  groq: async () => (await import('../providers/groq/index')).default,
  mock: async () => (await import('../providers/mock/index')).default,
}

export const HANDLER_CLASSES: Record<ProviderName, HandlerClass> = {
  ollama: 'OllamaHandler',
  gemini: 'GeminiHandler',
  groq: 'GroqHandler',
  mock: 'MockHandler',
}

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  ollama: 'Ollama',
  gemini: 'Gemini',
  groq: 'Groq',
  mock: 'Mock',
}
