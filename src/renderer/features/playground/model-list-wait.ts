// How long a model picker waits for a provider's model list before it offers Retry and free typing.

/**
 * Main gives up on a listing after 15 s, but the request itself can be stuck before that (a slow
 * resolve, a transport that never answers): the picker stops waiting sooner and stays usable.
 */
export const MODEL_LIST_WAIT_MS = 10_000

/** The message a picker shows when the list did not arrive in time. */
export function modelListTimedOut(provider: string, waitMs = MODEL_LIST_WAIT_MS): string {
  return `${provider} did not list its models within ${Math.round(waitMs / 1000)} s — the host may be unreachable or slow. Type a model name, or Retry.`
}

/** `work`'s answer, or a rejection with `message` once `ms` have passed without one. */
export function withinBound<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([work, bound]).finally(() => clearTimeout(timer))
}
