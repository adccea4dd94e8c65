// Reading a serve-mode request body within limits: size (413), all bodies in flight together (503),
// and time (408), so slow or huge uploads cannot exhaust the process's memory or sockets.
import type { IncomingMessage } from 'node:http'
import type { AppErrorData } from '../../shared/contract'

export interface BodyLimits {
  /** One request body (a saved conversation travels whole: a few long answers pass 1 MiB). */
  maxBodyBytes: number
  /** Every body being received or handled at once. */
  maxInFlightBodyBytes: number
  /** From the end of the request headers to the last byte of its body. */
  bodyTimeoutMs: number
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxInFlightBodyBytes: 64 * 1024 * 1024,
  bodyTimeoutMs: 30_000,
}

/** Bytes of request bodies held at once, across requests. */
export class BodyBudget {
  private used = 0

  constructor(private readonly limit: number) {}

  /** Takes `bytes` if they fit; false (nothing taken) when they do not. */
  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false
    this.used += bytes
    return true
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }

  get inUse(): number {
    return this.used
  }
}

export type BodyResult =
  | {
      ok: true
      text: string
      /** Bytes taken from the budget: give them back when done. */ held: number
    }
  | { ok: false; status: 408 | 413 | 503; error: AppErrorData; headers?: Record<string, string> }

const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`

function tooLarge(limits: BodyLimits): BodyResult {
  return {
    ok: false,
    status: 413,
    error: {
      code: 'invalid_input',
      message: `The request body is larger than ${mib(limits.maxBodyBytes)}; send less at once.`,
    },
  }
}

function busy(): BodyResult {
  return {
    ok: false,
    status: 503,
    headers: { 'retry-after': '1' },
    error: {
      code: 'rate_limit',
      message: 'The server is receiving other large requests right now; try again in a moment.',
    },
  }
}

function tooSlow(limits: BodyLimits): BodyResult {
  return {
    ok: false,
    status: 408,
    error: {
      code: 'timeout',
      message: `The request body did not arrive within ${limits.bodyTimeoutMs / 1000} s; send it again.`,
    },
  }
}

/**
 * Reads the whole body as UTF-8 text, holding its bytes in `budget` (the caller gives them back).
 * On any refusal the bytes are given back at once and the rest of the body is not buffered.
 */
export function readRequestBody(
  req: IncomingMessage,
  limits: BodyLimits,
  budget: BodyBudget,
): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > limits.maxBodyBytes) return Promise.resolve(tooLarge(limits))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let held = 0
    let settled = false
    const finish = (result: BodyResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      if (!result.ok) budget.give(held)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      if (held + chunk.length > limits.maxBodyBytes) return finish(tooLarge(limits))
      if (!budget.take(chunk.length)) return finish(busy())
      held += chunk.length
      chunks.push(chunk)
    }
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8'), held })
    // The client went away: nobody reads the answer, the bytes just go back.
    const onError = () => finish(tooSlow(limits))
    const timer = setTimeout(() => finish(tooSlow(limits)), limits.bodyTimeoutMs)
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}
