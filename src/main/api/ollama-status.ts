// ollama:status — asks the workspace's Ollama server (via OllamaAdmin) for its version, briefly.
import type { OllamaStatus } from '../../shared/contract'
import { DEFAULT_OLLAMA_BASE_URL } from '../../shared/llm'
import { normalizeHostUrl } from '../../shared/ollama'
import type { LlmFactory } from '../services/factory'
import { OllamaAdmin } from '../services/ollama-admin'
import { ollamaHostProblem } from '../services/providers/ollama/map-error'

/** Asks one Ollama server for its version; rejects when it does not answer. */
export type OllamaVersionProbe = (connection: {
  baseUrl: string
  headers: Record<string, string>
  signal: AbortSignal
}) => Promise<string>

/** The app's probe: OllamaAdmin.version() with the deadline carried by the injected fetch. */
export const ollamaAdminVersion =
  (fetchImpl: typeof fetch = globalThis.fetch): OllamaVersionProbe =>
  ({ baseUrl, headers, signal }) => {
    const fetchWithDeadline: typeof fetch = (input, init) =>
      fetchImpl(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
      })
    return new OllamaAdmin({ baseUrl, headers, fetch: fetchWithDeadline }).version()
  }

export interface ReadOllamaStatusOptions {
  /** Another server than the configured one (the Local models host picker). */
  host?: string
  timeoutMs?: number
}

export async function readOllamaStatus(
  factory: LlmFactory,
  probe: OllamaVersionProbe,
  options: ReadOllamaStatusOptions = {},
): Promise<OllamaStatus> {
  const resolution = await factory.resolve({ provider: 'ollama' })
  const configured = normalizeHostUrl(resolution.view.baseUrl ?? DEFAULT_OLLAMA_BASE_URL)
  const baseUrl = options.host ?? configured
  const ask = (url: string) =>
    probe({
      baseUrl: url,
      // The configured headers (a bearer token, say) are for the configured servers only.
      headers: url === configured || options.host === undefined ? resolution.headers : {},
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    })
  try {
    return { reachable: true, baseUrl, version: await ask(baseUrl) }
  } catch (error) {
    const fallback = resolution.fallbackUrl && normalizeHostUrl(resolution.fallbackUrl.url)
    if (options.host === undefined && fallback && fallback !== configured) {
      // What the factory does too: the same request to llm.ollama.fallback_url.
      const version = await ask(fallback).catch(() => undefined)
      if (version !== undefined) {
        return { reachable: true, baseUrl: fallback, version, viaFallback: { configured } }
      }
    }
    return { reachable: false, baseUrl, message: ollamaHostProblem(error, baseUrl) }
  }
}
