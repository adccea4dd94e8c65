// Removes key-like text from messages before they leave the main process (errors, attempts, logs).

const SECRET_PATTERNS: [RegExp, string][] = [
  // Gemini puts the key in the query string; any `key=`/`api_key=`/`token=` value goes.
  [/([?&](?:key|api_key|apikey|token|access_token)=)[^&\s#"']+/gi, '$1…'],
  [/(Bearer\s+)[^\s"']+/gi, '$1…'],
  // Provider key shapes: Groq gsk_, OpenAI-style sk-, Google AIza.
  [/\b(gsk_|sk-|AIza)[A-Za-z0-9_-]{6,}/g, '$1…'],
]

/** Removes anything that looks like a key or token from text that may leave the main process. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  )
}
