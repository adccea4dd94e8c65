// ollama:status — asks the workspace's Ollama server (via OllamaAdmin) for its version, briefly.
import type { OllamaStatus } from '../../shared/contract'
import { DEFAULT_OLLAMA_BASE_URL } from '../../shared/llm'
import type { LlmFactory } from '../services/factory'
import { OllamaAdmin } from '../services/ollama-admin'

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

export async function readOllamaStatus(
  factory: LlmFactory,
  probe: OllamaVersionProbe,
  timeoutMs = 3000,
): Promise<OllamaStatus> {
  const resolution = await factory.resolve({ provider: 'ollama' })
  const baseUrl = resolution.view.baseUrl ?? DEFAULT_OLLAMA_BASE_URL
  try {
    const version = await probe({
      baseUrl,
      headers: resolution.headers,
      signal: AbortSignal.timeout(timeoutMs),
    })
    return { reachable: true, baseUrl, version }
  } catch {
    return {
      reachable: false,
      baseUrl,
      message: `Ollama is not reachable at ${baseUrl} — is \`ollama serve\` running?`,
    }
  }
}
