// OpenAI-compatible base URLs: configs name the server (vLLM `http://localhost:8000`) or its /v1 root.

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1'

/**
 * The URL the openai SDK appends `/chat/completions` and `/models` to. A bare host gets `/v1`
 * (vLLM, LM Studio and llama.cpp serve there); a pasted `…/chat/completions` is cut back to its root;
 * any other path (`https://openrouter.ai/api/v1`, a proxy's prefix) is kept as written.
 */
export function openAiSdkBaseUrl(configured: string | undefined): string {
  const trimmed = configured
    ?.trim()
    .replace(/\/+$/, '')
    .replace(/\/chat\/completions$/, '')
  if (!trimmed) return OPENAI_DEFAULT_BASE_URL
  let path: string
  try {
    path = new URL(trimmed).pathname
  } catch {
    return trimmed // the SDK reports the bad URL as a connection error, naming it
  }
  return path === '' || path === '/' ? `${trimmed}/v1` : trimmed
}
