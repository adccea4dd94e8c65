// The CLI's lazily loaded gcloud token source: same tokens and denial advice as GcloudIdentityTokenSource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lazyIdentityTokens } from '../../src/cli/identity-tokens'
import type { FakeGcloud } from '../fakes/fake-gcloud'
import { jwtClaims, startFakeGcloud } from '../fakes/fake-gcloud'

const AUDIENCE = 'https://phi-run-abc123-uc.a.run.app'
let gcloud: FakeGcloud
beforeAll(async () => {
  gcloud = await startFakeGcloud({ account: 'runner@my-project.iam.gserviceaccount.com' })
})
afterAll(() => gcloud.close())

describe('lazyIdentityTokens', () => {
  it('asks gcloud for a token with the audience on first use, then reuses it', async () => {
    const source = lazyIdentityTokens(gcloud.env)
    const token = await source.token(AUDIENCE)
    expect(jwtClaims(token)).toMatchObject({ aud: AUDIENCE })
    expect(await source.token(AUDIENCE)).toBe(token)
    const tokenCalls = (await gcloud.calls()).filter((args) =>
      args.includes('print-identity-token'),
    )
    expect(tokenCalls).toHaveLength(1)
  })

  it('explains a refusal with the account and the role to grant', async () => {
    const message = await lazyIdentityTokens(gcloud.env).describeDenied?.(AUDIENCE, 403)
    expect(message).toContain('serviceAccount:runner@my-project.iam.gserviceaccount.com')
    expect(message).toContain('roles/run.invoker')
  })
})
