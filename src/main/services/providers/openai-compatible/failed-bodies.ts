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

  /** A fetch that reads a copy of every error response before the SDK does (a success passes as it is). */
  wrap(base: typeof fetch): typeof fetch {
    const kept = (response: Response): Response | Promise<Response> =>
      response.ok ? response : this.keep(response)
    return (input, init) => base(input, init).then(kept)
  }

  private async keep(response: Response): Promise<Response> {
    const text = await response
      .clone()
      .text()
      .catch(() => '')
    this.bodies.set(response.headers, parse(text))
    return response
  }

  bodyOf(headers: Headers | undefined): unknown {
    return headers ? this.bodies.get(headers) : undefined
  }
}
