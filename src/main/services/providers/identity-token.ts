// Google identity tokens for endpoints behind Cloud Run IAM: a fetch that adds `Authorization: Bearer <token>`.

/** Where identity tokens come from (the deploy feature's gcloud runner; a stub in tests). */
export interface IdentityTokenSource {
  /** A token whose audience is `audience` (the service's URL); cached and refreshed by the source. */
  token(audience: string, signal?: AbortSignal): Promise<string>
}

/**
 * `base` with a fresh identity token on every request. The token replaces any Authorization
 * header the SDK set (an OpenAI SDK always sends its api key there; Cloud Run IAM wants the token).
 */
export function fetchWithIdentityToken(
  base: typeof fetch,
  source: IdentityTokenSource,
  audience: string,
): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    const token = await source.token(audience, signal ?? undefined)
    const headers = new Headers(input instanceof Request ? input.headers : undefined)
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value))
    headers.set('authorization', `Bearer ${token}`)
    return base(input, { ...init, headers })
  }
}
