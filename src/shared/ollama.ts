// Local Ollama management as the contract sees it: host and model-name schemas, and the plain data types.
import { z } from 'zod'
import type { LlmErrorData, ProviderModel } from './llm'

/** `http://host:11434/` and `http://host:11434` name one server: trailing slashes go. */
export function normalizeHostUrl(url: string): string {
  return url.trim().replace(/\/+$/, '')
}

/** An Ollama base URL: http(s) only, so a host entry can never make main read a file or a data: URL. */
export const hostUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' }))
  .transform(normalizeHostUrl)

/** Ollama names: `llama3.2`, `llama3.2:1b`, `namespace/model:tag`, `registry.host/ns/model:tag`. */
export const modelNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a model name')
  .max(300)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/, 'A model name has no spaces, e.g. llama3.2:1b')

/** Every admin call may name a host; without one it goes to the workspace's configured Ollama. */
export const hostInput = { host: hostUrlSchema.optional() }

export const savedHostSchema = z.strictObject({
  url: hostUrlSchema,
  label: z.string().trim().max(80).optional(),
})

export interface SavedOllamaHost {
  url: string
  label?: string
}

export interface OllamaHosts {
  /** The base URL the factory resolves for Ollama (config, env or the built-in default). */
  configured: string
  /** Where `configured` came from, e.g. a file path or `env:OLLAMA_HOST`. */
  configuredOrigin: string
  /** Extra hosts saved in this workspace (`.mindx/ollama-hosts.json`). */
  saved: SavedOllamaHost[]
  /** The host the Local models screen last managed; `configured` when none was chosen. */
  selected: string
  /** `llm.ollama.fallback_url`: the second server the factory asks when `configured` is down. */
  fallback?: { url: string; origin: string }
}

export interface InstalledOllamaModel extends ProviderModel {
  digest?: string
}

export interface OllamaModelDetails {
  name: string
  modelfile: string
  parameters: string
  template: string
  license: string
  system?: string
  details: {
    format?: string
    family?: string
    families?: string[]
    parameterSize?: string
    quantization?: string
  }
  capabilities: string[]
}

export interface RunningOllamaModel {
  name: string
  /** Bytes in memory, of which `sizeVram` sit on the GPU. */
  size: number
  sizeVram: number
  expiresAt?: string
}

export type OllamaPullState = 'queued' | 'pulling' | 'done' | 'error' | 'cancelled'

/** One pull on one host, as `ollama:pulls` lists it and `ollama:pullProgress` pushes it. */
export interface OllamaPull {
  id: string
  host: string
  name: string
  /** Ollama's own words: "pulling manifest", "pulling 6a0746a1ec1a", "success"… */
  status: string
  completed: number
  total: number
  /** Average speed over the layer being downloaded; 0 until it can be measured. */
  bytesPerSecond: number
  state: OllamaPullState
  error?: LlmErrorData
}

/** A pull just queued, before Ollama has said anything: no bytes, no speed. Callers add `host`. */
export function queuedPull(id: string, name: string): Omit<OllamaPull, 'host'> {
  return { id, name, status: 'queued', completed: 0, total: 0, bytesPerSecond: 0, state: 'queued' }
}

/** A Cloud Run catalog entry offered as a pull name. */
export interface OllamaPullSuggestion {
  name: string
  type: string
  estMemoryGb: number
  notes?: string
}
