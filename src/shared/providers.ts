// The provider registry as data: one descriptor per built-in provider (mindX's names), shared by main, CLI and renderer.
import { z } from 'zod'

/** A protocol is code (one folder under providers/); a provider is one of these plus data. */
export const PROTOCOLS = [
  'ollama',
  'openai-compatible',
  'anthropic',
  'mistral',
  'gemini',
  'groq',
  'mock',
] as const
export type ProviderProtocol = (typeof PROTOCOLS)[number]

/** What custom endpoints may speak (the brief's `custom_providers.<name>.protocol`). */
export const CUSTOM_PROTOCOLS = ['openai-compatible', 'ollama'] as const
export type CustomProtocol = (typeof CUSTOM_PROTOCOLS)[number]

/** Provider names: mindX's spelling, lowercase, safe in json keys, env names and file names. */
export const PROVIDER_NAME_PATTERN = /^[a-z0-9_-]+$/
export const PROVIDER_NAME_MAX = 64

export function isValidProviderName(name: string): boolean {
  return name.length <= PROVIDER_NAME_MAX && PROVIDER_NAME_PATTERN.test(name)
}

/**
 * A provider name as API input: well-formed here; whether the workspace knows it is checked at
 * run time against its registry (custom endpoints differ per workspace).
 */
export const providerNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(PROVIDER_NAME_MAX)
  .regex(PROVIDER_NAME_PATTERN, 'a provider name: lowercase letters, digits, _ and -')

export interface ProviderDescriptor {
  /** mindX's name (`vllm`, `ollama_cloud`, `grok`, …), also the key of `<name>_settings_for_factory`. */
  name: string
  displayName: string
  protocol: ProviderProtocol
  /** Used when nothing configures a base URL; null means the SDK's own default. */
  defaultBaseUrl: string | null
  /** Plain environment variables holding the key, read after `llm.<name>.api_key`, in order. */
  keyEnv: readonly string[]
  /** Plain environment variables holding the base URL, read after `llm.<name>.base_url`. */
  baseUrlEnv: readonly string[]
  /** Without a key every call fails with `auth` (the missing-key client) instead of reaching out. */
  requiresKey: boolean
  /** Sent with every request unless configured headers replace them (values may be `secret:NAME`). */
  defaultHeaders: Readonly<Record<string, string>>
  /** The last layer of model resolution. */
  defaultModel: string
  /** True when the protocol's model-list call works here (Ollama /api/tags, OpenAI-style /models, …). */
  listsModels: boolean
  /** Built into the app, or a custom endpoint from the workspace's `custom_providers`. */
  origin: 'built-in' | 'custom'
  /** Custom endpoints behind Cloud Run IAM: each request carries a Google identity token. */
  auth?: 'gcloud-identity-token'
}

type BuiltIn = Omit<ProviderDescriptor, 'origin' | 'defaultHeaders' | 'listsModels'> &
  Partial<Pick<ProviderDescriptor, 'defaultHeaders' | 'listsModels'>>

const BUILT_INS: readonly BuiltIn[] = [
  {
    name: 'ollama',
    displayName: 'Ollama',
    protocol: 'ollama',
    defaultBaseUrl: 'http://localhost:11434',
    keyEnv: [],
    baseUrlEnv: ['OLLAMA_HOST'],
    requiresKey: false,
    defaultModel: 'phi3:mini',
  },
  {
    name: 'ollama_cloud',
    displayName: 'Ollama Cloud',
    protocol: 'ollama',
    defaultBaseUrl: 'https://ollama.com',
    keyEnv: ['OLLAMA_API_KEY'],
    baseUrlEnv: ['OLLAMA_CLOUD_URL'],
    requiresKey: true,
    defaultModel: 'gpt-oss:120b',
  },
  {
    name: 'vllm',
    displayName: 'vLLM',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'http://localhost:8000',
    keyEnv: ['VLLM_API_KEY'],
    baseUrlEnv: ['VLLM_BASE_URL'],
    requiresKey: false,
    defaultModel: 'Qwen/Qwen3-0.6B',
  },
  {
    name: 'openrouter',
    displayName: 'OpenRouter',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    keyEnv: ['OPENROUTER_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    // mindX identifies itself the same way (llm/openrouter_handler.py); settable per workspace.
    defaultHeaders: { 'HTTP-Referer': 'https://mindx.pythai.net', 'X-Title': 'mindX' },
    defaultModel: 'openrouter/auto',
  },
  {
    name: 'grok',
    displayName: 'Grok (xAI)',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'https://api.x.ai/v1',
    keyEnv: ['GROK_API_KEY', 'XAI_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'grok-3-mini',
  },
  {
    name: 'openai',
    displayName: 'OpenAI',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'https://api.openai.com/v1',
    keyEnv: ['OPENAI_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'gpt-4o-mini',
  },
  {
    name: 'together',
    displayName: 'Together AI',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'https://api.together.xyz/v1',
    keyEnv: ['TOGETHER_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  },
  {
    name: 'lmstudio',
    displayName: 'LM Studio',
    protocol: 'openai-compatible',
    defaultBaseUrl: 'http://localhost:1234/v1',
    keyEnv: [],
    baseUrlEnv: [],
    requiresKey: false,
    defaultModel: 'qwen2.5-7b-instruct',
  },
  {
    name: 'anthropic',
    displayName: 'Anthropic',
    protocol: 'anthropic',
    defaultBaseUrl: 'https://api.anthropic.com',
    keyEnv: ['ANTHROPIC_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'claude-3-5-haiku-latest',
  },
  {
    name: 'mistral',
    displayName: 'Mistral AI',
    protocol: 'mistral',
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    keyEnv: ['MISTRAL_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'mistral-small-latest',
  },
  {
    name: 'gemini',
    displayName: 'Gemini',
    protocol: 'gemini',
    defaultBaseUrl: null,
    keyEnv: ['GEMINI_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'gemini-2.5-flash',
  },
  {
    name: 'groq',
    displayName: 'Groq',
    protocol: 'groq',
    defaultBaseUrl: null,
    keyEnv: ['GROQ_API_KEY'],
    baseUrlEnv: [],
    requiresKey: true,
    defaultModel: 'llama-3.1-8b-instant',
  },
  {
    name: 'mock',
    displayName: 'Mock',
    protocol: 'mock',
    defaultBaseUrl: null,
    keyEnv: [],
    baseUrlEnv: [],
    requiresKey: false,
    defaultModel: 'mock-model',
  },
]

/** Every built-in provider, in the order lists show them. */
export const BUILT_IN_PROVIDERS: readonly ProviderDescriptor[] = BUILT_INS.map((p) => ({
  defaultHeaders: {},
  listsModels: true,
  ...p,
  origin: 'built-in',
}))

/** A registry entry as pickers need it (no headers: a custom endpoint's may hold a token). */
export interface ProviderSummary {
  name: string
  displayName: string
  protocol: ProviderProtocol
  origin: 'built-in' | 'custom'
  defaultModel: string
  requiresKey: boolean
  listsModels: boolean
}

export function summarizeProvider(d: ProviderDescriptor): ProviderSummary {
  const { name, displayName, protocol, origin, defaultModel, requiresKey, listsModels } = d
  return { name, displayName, protocol, origin, defaultModel, requiresKey, listsModels }
}

export const BUILT_IN_PROVIDER_NAMES: readonly string[] = BUILT_IN_PROVIDERS.map((p) => p.name)

export function builtInProvider(name: string): ProviderDescriptor | undefined {
  return BUILT_IN_PROVIDERS.find((p) => p.name === name)
}

/** Display name of a provider, falling back to its name (for names a view does not know). */
export function providerLabel(providers: readonly ProviderDescriptor[], name: string): string {
  return providers.find((p) => p.name === name)?.displayName ?? name
}

/** Provider names without a handler in this app stay skipped with this reason (e.g. `zerog`). */
export function noHandlerReason(name: string): string {
  return `${name}: no handler in this app`
}

/**
 * Rate limits mindX keeps per provider in data/config/provider_registry.json (the resilience work
 * enforces them; here they are read and shown).
 */
export interface ProviderRateLimits {
  requestsPerMinute?: number
  requestsPerHour?: number
  requestsPerDay?: number
  tokensPerMinute?: number
  /** Requests per minute kept in reserve below the limit. */
  safetyMarginRpm?: number
}

/** What mindX's provider_registry.json says about one provider. */
export interface MindxProviderEntry {
  name: string
  displayName?: string
  apiKeyEnvVar: string | null
  baseUrlEnvVar: string | null
  requiresApiKey?: boolean
  enabled?: boolean
  limits: ProviderRateLimits
  /** The file it was read from. */
  file: string
}
