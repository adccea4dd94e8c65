// Anthropic base URLs: the SDK appends `/v1/messages`, configs often name the `/v1` root.

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com'

/** `https://api.anthropic.com/v1/` → `https://api.anthropic.com`; SDK-style URLs pass unchanged. */
export function anthropicSdkBaseUrl(configured: string | undefined): string {
  const trimmed = configured?.trim().replace(/\/+$/, '')
  return trimmed ? trimmed.replace(/\/v1$/, '') : ANTHROPIC_DEFAULT_BASE_URL
}
