// Ollama's `llm.ollama.fallback_url`: the second base URL tried when the first is unreachable.
import type { WorkspaceConfig } from '../config/types'
import type { ResolvedFields } from './resolve-fields'
import { ollamaHostToUrl } from './resolve-fields'

/** The configured fallback URL with where it came from, when there is one. */
export function ollamaFallbackUrl(
  ws: WorkspaceConfig,
): { url: string; origin: string } | undefined {
  const found = ws.global.get('llm.ollama.fallback_url')
  if (typeof found?.value !== 'string' || found.value.trim() === '') return undefined
  try {
    return { url: ollamaHostToUrl(found.value.trim()), origin: found.origin }
  } catch {
    return undefined
  }
}

/**
 * The base URLs a handler sends to, in order: the resolved one, then the fallback — unless the
 * caller named the base URL itself (an explicit choice is not second-guessed) or they are the same.
 */
export function handlerBaseUrls(ws: WorkspaceConfig, fields: ResolvedFields): (string | null)[] {
  const base = fields.baseUrl.value
  if (fields.provider.value !== 'ollama' || fields.baseUrl.source.layer === 'argument')
    return [base]
  const fallback = ollamaFallbackUrl(ws)?.url
  return fallback === undefined || fallback === base ? [base] : [base, fallback]
}
