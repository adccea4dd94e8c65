// Google identity tokens for endpoints behind Cloud Run IAM: a fetch that adds `Authorization: Bearer <token>`.

/** Where identity tokens come from (the deploy feature's gcloud runner; a stub in tests). */
export interface IdentityTokenSource {
  /** A token whose audience is `audience` (the service's URL); cached and refreshed by the source. */
  token(audience: string, signal?: AbortSignal): Promise<string>
  /**
   * Optional: what to tell the user when the endpoint answers 401/403 to a token from this source
   * (e.g. which account lacks roles/run.invoker).
   */
  describeDenied?(audience: string, status: number): Promise<string>
}

/**
 * `base` with a fresh identity token on every request. The token replaces any Authorization
 * header the SDK set (an OpenAI SDK always sends its api key there; Cloud Run IAM wants the token).
 * A 401/403 answer is passed on with the source's explanation as an `{error}` JSON body (the shape
 * Ollama's SDK reads), so the provider's error says which account to grant access to.
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
    const response = await base(input, { ...init, headers })
    if ((response.status !== 401 && response.status !== 403) || !source.describeDenied) {
      return response
    }
    const explanation = await source.describeDenied(audience, response.status)
    await response.body?.cancel()
    return new Response(JSON.stringify({ error: explanation }), {
      status: response.status,
      statusText: response.statusText,
      headers: { 'content-type': 'application/json' },
    })
  }
}
