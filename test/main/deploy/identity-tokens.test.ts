// Identity tokens from gcloud: cached per audience until shortly before `exp`, single flight, user-account fallback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GcloudCli, GcloudIdentityTokenSource } from '../../../src/main/services/deploy'
import { jwtExpiry } from '../../../src/main/services/deploy/gcloud-identity-tokens'
import type { FakeGcloud } from '../../fakes/fake-gcloud'
import { jwtClaims, startFakeGcloud } from '../../fakes/fake-gcloud'

const AUDIENCE = 'https://ollama-phi3-mini-4x7kq2nbmq-uc.a.run.app'

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`
}

/** A gcloud stand-in: counts calls, hands out tokens expiring `ttlMs` after the injected clock. */
function scriptedGcloud(clock: { now: number }, ttlMs = 3_600_000) {
  const calls: string[] = []
  return {
    calls,
    gcloud: {
      async identityToken(audience: string) {
        calls.push(audience)
        // Settles on a later tick, as a process would: concurrent callers overlap.
        await new Promise((resolve) => setImmediate(resolve))
        const exp = Math.floor((clock.now + ttlMs) / 1000)
        return jwt({ aud: audience, exp, n: calls.length })
      },
      account: () => Promise.resolve('you@example.com'),
    },
  }
}

describe('GcloudIdentityTokenSource', () => {
  it('reuses a token until 5 minutes before exp, then asks gcloud again', async () => {
    const clock = { now: Date.parse('2026-12-03T08:00:00Z') }
    const fake = scriptedGcloud(clock)
    const source = new GcloudIdentityTokenSource({ gcloud: fake.gcloud, now: () => clock.now })
    const first = await source.token(AUDIENCE)
    clock.now += 54 * 60_000
    expect(await source.token(AUDIENCE)).toBe(first)
    expect(fake.calls).toHaveLength(1)
    clock.now += 2 * 60_000 // 56 min: within the 5-minute margin before the hour's exp
    const second = await source.token(AUDIENCE)
    expect(second).not.toBe(first)
    expect(jwtClaims(second)?.n).toBe(2)
    // Another audience has its own token.
    await source.token('https://other-4x7kq2nbmq-uc.a.run.app')
    expect(fake.calls).toHaveLength(3)
  })

  it('concurrent requests share one gcloud call', async () => {
    const clock = { now: 0 }
    const fake = scriptedGcloud(clock)
    const source = new GcloudIdentityTokenSource({ gcloud: fake.gcloud, now: () => clock.now })
    const tokens = await Promise.all([1, 2, 3, 4].map(() => source.token(AUDIENCE)))
    expect(new Set(tokens).size).toBe(1)
    expect(fake.calls).toHaveLength(1)
  })

  it('a refused token is forgotten and the message names the account lacking roles/run.invoker', async () => {
    const clock = { now: 0 }
    const fake = scriptedGcloud(clock)
    const source = new GcloudIdentityTokenSource({ gcloud: fake.gcloud, now: () => clock.now })
    await source.token(AUDIENCE)
    const message = await source.describeDenied(AUDIENCE, 403)
    expect(message).toContain('Cloud Run refused you@example.com')
    expect(message).toContain(`roles/run.invoker on ${AUDIENCE}`)
    expect(message).toContain('--member=user:you@example.com')
    await source.token(AUDIENCE)
    expect(fake.calls).toHaveLength(2)
  })

  it('reads exp from a JWT', () => {
    expect(jwtExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000)
    expect(jwtExpiry('not-a-jwt')).toBeNull()
  })
})

describe('GcloudCli.identityToken (fake gcloud on PATH)', () => {
  let gcloud: FakeGcloud
  beforeEach(async () => {
    gcloud = await startFakeGcloud()
  })
  afterEach(() => gcloud.close())

  it('a service account gets a token for the audience', async () => {
    await gcloud.configure({ account: 'runner@my-project.iam.gserviceaccount.com' })
    const token = await new GcloudCli(gcloud.env).identityToken(AUDIENCE)
    expect(jwtClaims(token)?.aud).toBe(AUDIENCE)
    expect(await gcloud.calls()).toEqual([
      ['auth', 'print-identity-token', `--audiences=${AUDIENCE}`],
    ])
  })

  it('a user account (refused --audiences) falls back to the plain token, once learned', async () => {
    const cli = new GcloudCli(gcloud.env)
    expect(jwtClaims(await cli.identityToken(AUDIENCE))?.email).toBe('you@example.com')
    await cli.identityToken(AUDIENCE)
    expect(await gcloud.calls()).toEqual([
      ['auth', 'print-identity-token', `--audiences=${AUDIENCE}`],
      ['auth', 'print-identity-token'],
      ['auth', 'print-identity-token'],
    ])
  })

  it('not logged in: the error says to run gcloud auth login', async () => {
    await gcloud.configure({ account: null })
    const cli = new GcloudCli(gcloud.env)
    await expect(cli.identityToken(AUDIENCE)).rejects.toThrow('Run `gcloud auth login`')
    expect(await cli.account()).toBeNull()
  })
})
