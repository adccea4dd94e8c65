// Identity tokens from gcloud, cached per audience until shortly before the JWT's `exp`, one fetch at a time.
import type { IdentityTokenSource } from '../providers/identity-token'
import type { GcloudCli } from './gcloud-cli'

export interface GcloudIdentityTokenOptions {
  gcloud: Pick<GcloudCli, 'identityToken' | 'account'>
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number
  /** A token is renewed this long before it expires (default 5 minutes). */
  refreshBeforeMs?: number
}

interface Cached {
  token: string
  expiresAt: number
}

/** The JWT's `exp` in ms, or null when the token is not a JWT with one. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (payload === undefined) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    const exp: unknown =
      typeof claims === 'object' && claims !== null ? Reflect.get(claims, 'exp') : null
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}

/** Without an `exp`, a token is trusted for this long (Google's identity tokens live an hour). */
const UNKNOWN_EXPIRY_MS = 10 * 60_000

export class GcloudIdentityTokenSource implements IdentityTokenSource {
  private readonly cache = new Map<string, Cached>()
  private readonly inflight = new Map<string, Promise<string>>()
  private readonly now: () => number
  private readonly refreshBeforeMs: number

  constructor(private readonly options: GcloudIdentityTokenOptions) {
    this.now = options.now ?? Date.now
    this.refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000
  }

  token(audience: string, signal?: AbortSignal): Promise<string> {
    const cached = this.cache.get(audience)
    if (cached && cached.expiresAt - this.refreshBeforeMs > this.now()) {
      return Promise.resolve(cached.token)
    }
    let pending = this.inflight.get(audience)
    if (!pending) {
      // One gcloud call per audience however many requests wait (single flight); a caller's abort
      // does not cancel it for the others.
      pending = this.fetchToken(audience).finally(() => this.inflight.delete(audience))
      this.inflight.set(audience, pending)
    }
    return signal ? abortable(pending, signal) : pending
  }

  private async fetchToken(audience: string): Promise<string> {
    const token = await this.options.gcloud.identityToken(audience)
    const expiresAt = jwtExpiry(token) ?? this.now() + UNKNOWN_EXPIRY_MS
    this.cache.set(audience, { token, expiresAt })
    return token
  }

  async describeDenied(audience: string, status: number): Promise<string> {
    // A refused token may be stale (revoked, account switched): the next request asks gcloud again.
    this.cache.delete(audience)
    const account = await this.options.gcloud.account()
    const who = account ?? 'the active gcloud account (none is set: run `gcloud auth login`)'
    const member = account?.endsWith('.gserviceaccount.com')
      ? `serviceAccount:${account}`
      : `user:${account ?? 'ACCOUNT'}`
    const verb = status === 401 ? 'did not accept the identity token of' : 'refused'
    return `Cloud Run ${verb} ${who}: it needs roles/run.invoker on ${audience}. Grant it with \`gcloud run services add-iam-policy-binding SERVICE --region REGION --member=${member} --role=roles/run.invoker\`.`
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted()
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
