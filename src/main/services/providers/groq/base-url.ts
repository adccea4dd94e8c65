// Groq base URLs: mindX configs name the OpenAI-compatible root (…/openai/v1); groq-sdk wants the host.

export const GROQ_DEFAULT_BASE_URL = 'https://api.groq.com'
/** The path groq-sdk appends to its base URL for every call. */
export const GROQ_API_PATH = '/openai/v1'

/** `https://api.groq.com/openai/v1/` → `https://api.groq.com`; SDK-style URLs pass unchanged. */
export function groqSdkBaseUrl(configured: string | undefined): string {
  const trimmed = configured?.trim().replace(/\/+$/, '')
  if (!trimmed) return GROQ_DEFAULT_BASE_URL
  // "/openai" alone is a common half-way spelling; the SDK would double it too.
  return trimmed.replace(/\/openai(?:\/v1)?$/, '')
}
