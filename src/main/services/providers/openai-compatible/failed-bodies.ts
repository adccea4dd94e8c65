// Keeps the body of each failed response: the openai SDK drops bodies without an `error` key (vLLM's).

/** Parsed JSON, or the text when it is not JSON. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text || undefined
  }
}

/**
 * Failed responses' bodies, keyed by the response's Headers: the SDK hands that same object to its
 * APIError, so concurrent calls on one client never read each other's bodies.
 */
export class FailedResponseBodies {
  private readonly bodies = new WeakMap<Headers, unknown>()

  /** A fetch that reads a copy of every error response before the SDK does. */
  wrap(base: typeof fetch): typeof fetch {
    return async (input, init) => {
      const response = await base(input, init)
      if (!response.ok) {
        this.bodies.set(
          response.headers,
          parse(
            await response
              .clone()
              .text()
              .catch(() => ''),
          ),
        )
      }
      return response
    }
  }

  bodyOf(headers: Headers | undefined): unknown {
    return headers ? this.bodies.get(headers) : undefined
  }
}
