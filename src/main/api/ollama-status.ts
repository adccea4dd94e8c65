// ollama:status — asks the workspace's Ollama server for its version, with a short deadline.
import type { OllamaStatus } from '../../shared/contract'
import { DEFAULT_OLLAMA_BASE_URL } from '../../shared/llm'
import type { LlmFactory } from '../services/factory'

/** Asks one Ollama server for its version; rejects when it does not answer. */
export type OllamaVersionProbe = (connection: {
  baseUrl: string
  headers: Record<string, string>
  signal: AbortSignal
}) => Promise<string>

export const fetchOllamaVersion =
  (fetchImpl: typeof fetch = globalThis.fetch): OllamaVersionProbe =>
  async ({ baseUrl, headers, signal }) => {
    const response = await fetchImpl(new URL('/api/version', baseUrl), { headers, signal })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const body = (await response.json()) as { version?: unknown }
    return typeof body.version === 'string' ? body.version : 'unknown'
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
