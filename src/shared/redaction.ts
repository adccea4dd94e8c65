// Hides credentials in text that leaves the main process: keys, tokens, and credentials inside URLs.

/** Query parameters that carry a credential (Gemini's `?key=`, `api_key=`, `token=`…). */
const CREDENTIAL_PARAM = /^(?:key|api[_-]?key|apikey|token|access[_-]?token|auth|password|secret)$/i

const SECRET_PATTERNS: [RegExp, string][] = [
  // `scheme://user:password@host` keeps the user; `scheme://token@host` loses the token.
  [/(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"']+):[^\s/?#@"']*@/gi, '$1$2:…@'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:"']+@/gi, '$1…@'],
  // Any `key=`/`api_key=`/`token=`… query value goes.
  [
    /([?&](?:key|api[_-]?key|apikey|token|access[_-]?token|auth|password|secret)=)[^&\s#"']+/gi,
    '$1…',
  ],
  [/(Bearer\s+)[^\s"']+/gi, '$1…'],
  // Provider key shapes: Groq gsk_, OpenAI-style sk-, Google AIza.
  [/\b(gsk_|sk-|AIza)[A-Za-z0-9_-]{6,}/g, '$1…'],
]

/** `text` with anything that looks like a key, token or URL credential replaced by `…`. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  )
}

/** What credential a URL carries (`a user:password@ part`, `the key= parameter`), if any. */
export function urlCredentialOf(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  if (url.username !== '' || url.password !== '') return 'a user:password@ part'
  for (const name of url.searchParams.keys()) {
    if (CREDENTIAL_PARAM.test(name)) return `the ${name}= parameter`
  }
  return undefined
}

/** Why a base URL with a credential is refused, and where the key goes instead. */
export function baseUrlCredentialMessage(credential: string): string {
  return `The base URL carries a credential (${credential}). Remove it from the URL and enter the key in the API key field instead (it is stored as a secret, never in the URL).`
}
