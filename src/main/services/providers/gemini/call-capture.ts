// What @google/generative-ai drops from each call (response headers, the socket error), kept per call.
import { AsyncLocalStorage } from 'node:async_hooks'

type Fetch = typeof globalThis.fetch

/**
 * One Gemini SDK call: the fetch it should use, and what its fetch saw. The SDK takes no fetch of its
 * own (RequestOptions has baseUrl, apiVersion, customHeaders, timeout and signal only), keeps no
 * response headers (so no `Retry-After`) and replaces a network error by its message (so no
 * ECONNRESET to tell a dropped connection, worth a retry, from a refused one).
 */
export class GeminiCall {
  /** Headers of the last response the SDK's fetch received. */
  responseHeaders: Headers | undefined
  /** What the SDK's fetch threw, with its `cause` chain intact. */
  fetchError: unknown

  constructor(
    /** What the call sends through (the client's provider fetch); undefined means the global fetch. */
    readonly fetch?: Fetch,
  ) {}

  /** Runs one SDK call with its fetches going through this record. */
  run<T>(work: () => Promise<T>): Promise<T> {
    installScopedFetch()
    return scope.run(this, work)
  }
}

const scope = new AsyncLocalStorage<GeminiCall>()
/** The global fetch as this module last wrapped it; a later replacement is wrapped again. */
let installed: Fetch | undefined

/**
 * Wraps the global fetch once. Outside a Gemini call (no record in the async context) the wrapper
 * only passes the request on, so every other user of fetch sees no difference.
 */
function installScopedFetch(): void {
  if (installed !== undefined && globalThis.fetch === installed) return
  const outer = globalThis.fetch
  const scoped: Fetch = (input, init) => {
    const call = scope.getStore()
    if (call === undefined) return outer(input, init)
    // Left outside the record's context: an injected fetch that calls the global one is not recorded twice.
    const target = call.fetch ?? outer
    return scope
      .exit(() => target(input, init))
      .then(
        (response: Response) => {
          call.responseHeaders = response.headers
          return response
        },
        (error: unknown) => {
          call.fetchError = error
          throw error
        },
      )
  }
  installed = scoped
  globalThis.fetch = scoped
}
