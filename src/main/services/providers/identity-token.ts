// Bearer identity tokens for IAM-protected endpoints (Cloud Run): the source interface and a fetch that adds them.

/** Hands out identity tokens (JWTs) per audience; implementations cache and never log or store them. */
export interface IdentityTokenSource {
  token(audience: string, signal?: AbortSignal): Promise<string>
  /**
   * Optional: what to tell the user when the endpoint answers 401/403 to a token from this source
   * (e.g. which account lacks roles/run.invoker).
   */
  describeDenied?(audience: string, status: number): Promise<string>
}

function withAuthorization(init: RequestInit | undefined, token: string): Headers {
  const headers = new Headers(init?.headers)
  headers.set('authorization', `Bearer ${token}`)
  return headers
}

/**
 * A fetch sending `Authorization: Bearer <identity token for audience>` with every request. A 401/403
 * answer is passed on with the source's explanation as an Ollama-style `{error}` body, so the
 * provider's error says which account to grant access to.
 */
export function fetchWithIdentityToken(
  base: typeof fetch,
  source: IdentityTokenSource,
  audience: string,
): typeof fetch {
  return async (input, init) => {
    const token = await source.token(audience, init?.signal ?? undefined)
    const response = await base(input, { ...init, headers: withAuthorization(init, token) })
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
