// Gemini base URLs: mindX configs include the API version (…/v1beta); the SDK takes host and version apart.

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com'
export const GEMINI_DEFAULT_API_VERSION = 'v1beta'

export interface GeminiEndpoint {
  /** Host root, as the SDK's `baseUrl` wants it. */
  baseUrl: string
  /** "v1beta", "v1", "v1alpha". */
  apiVersion: string
}

/** `https://…googleapis.com/v1beta/` → `{baseUrl: 'https://…googleapis.com', apiVersion: 'v1beta'}`. */
export function geminiEndpoint(configured: string | undefined): GeminiEndpoint {
  const trimmed = configured?.trim().replace(/\/+$/, '')
  if (!trimmed) return { baseUrl: GEMINI_DEFAULT_BASE_URL, apiVersion: GEMINI_DEFAULT_API_VERSION }
  // A trailing "/models" appears when people paste the list URL.
  const match = /^(.*)\/(v\d+(?:alpha|beta)?\d*)(?:\/models)?$/.exec(trimmed)
  if (match?.[1] && match[2]) return { baseUrl: match[1], apiVersion: match[2] }
  return { baseUrl: trimmed, apiVersion: GEMINI_DEFAULT_API_VERSION }
}
