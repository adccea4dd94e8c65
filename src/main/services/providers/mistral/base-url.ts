// Mistral base URLs: the SDK appends `/v1/chat/completions`, configs name the `/v1` root.

export const MISTRAL_DEFAULT_BASE_URL = 'https://api.mistral.ai'

/** `https://api.mistral.ai/v1/` → `https://api.mistral.ai`; host-only URLs pass unchanged. */
export function mistralServerUrl(configured: string | undefined): string {
  const trimmed = configured?.trim().replace(/\/+$/, '')
  return trimmed ? trimmed.replace(/\/v1$/, '') : MISTRAL_DEFAULT_BASE_URL
}
