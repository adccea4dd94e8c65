// The fetch the provider SDKs send through (all but Mistral's): redirects refused unless the endpoint turns out to use them.

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/**
 * A fetch for one connection. Each request goes out with `redirect: 'error'`: Node's fetch clones
 * every request that may follow a redirect, teeing its body into new streams, and that clone costs
 * about a tenth of a call on a fast local server (`npm run bench` measures it). Provider APIs answer
 * where they are asked. One that answers with a redirect instead (an http URL moved to https, a
 * proxy) gets the same request again with redirects followed, as the SDK alone would send it, and
 * the connection follows them from then on.
 *
 * `injected` (tests, proxies) sends; otherwise the global fetch, looked up per request so a
 * replacement made later is used. A request that sets its own redirect mode, or comes as a Request
 * (whose body cannot be sent twice without the clone this avoids), goes out as it is.
 */
export function providerFetch(injected?: Fetch): Fetch {
  let followsRedirects = false
  return (input, init) => {
    const send = injected ?? globalThis.fetch
    if (followsRedirects || init?.redirect !== undefined || input instanceof Request) {
      return send(input, init)
    }
    const refused = (err: unknown): Promise<Response> => {
      if (!isRefusedRedirect(err)) throw err
      followsRedirects = true
      return send(input, init)
    }
    return send(input, { ...init, redirect: 'error' }).catch(refused)
  }
}

/** Node's fetch rejects a redirect under `redirect: 'error'` with TypeError("fetch failed") caused by "unexpected redirect". */
function isRefusedRedirect(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false
  const cause = err.cause
  return cause instanceof Error && cause.message === 'unexpected redirect'
}
