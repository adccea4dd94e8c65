// A deployed Cloud Run service used as an authenticated Ollama: the real ollama-js through the identity-token
// fetch, against a fake Ollama behind fake IAM, with tokens from the fake gcloud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GcloudCli, GcloudIdentityTokenSource } from '../../src/main/services/deploy'
import { fetchWithIdentityToken } from '../../src/main/services/providers/identity-token'
import createOllamaClient from '../../src/main/services/providers/ollama'
import { LlmError } from '../../src/shared/llm'
import type { FakeGcloud } from '../fakes/fake-gcloud'
import { jwtClaims, startFakeGcloud } from '../fakes/fake-gcloud'
import type { FakeOllama } from '../fakes/ollama-server'
import { startFakeOllama } from '../fakes/ollama-server'

let gcloud: FakeGcloud
let service: FakeOllama
/** Emails Cloud Run IAM lets in; anyone else with a valid token gets 403. */
const invokers = new Set(['you@example.com'])

beforeAll(async () => {
  gcloud = await startFakeGcloud()
  service = await startFakeOllama({
    requireBearer: (token) => {
      const claims = jwtClaims(token)
      if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
        return 'unauthorized'
      }
      return invokers.has(String(claims.email)) ? 'ok' : 'forbidden'
    },
  })
})
afterAll(async () => {
  await Promise.all([gcloud.close(), service.close()])
})

async function clientFor(env: Record<string, string | undefined>) {
  const source = new GcloudIdentityTokenSource({ gcloud: new GcloudCli(env) })
  return createOllamaClient({
    model: 'phi3:mini',
    baseUrl: service.url,
    fetch: fetchWithIdentityToken(globalThis.fetch, source, service.url),
  })
}

describe('Cloud Run Ollama with gcloud identity tokens', () => {
  it('chats with a bearer token on every request, one gcloud token reused', async () => {
    const client = await clientFor(gcloud.env)
    const request = {
      model: 'phi3:mini',
      messages: [{ role: 'user' as const, content: 'hello cloud' }],
      signal: AbortSignal.timeout(10_000),
    }
    const answer = await client.generate(request)
    expect(answer.text).toContain('hello cloud')
    let streamed = ''
    for await (const chunk of client.stream(request))
      if (chunk.type === 'delta') streamed += chunk.text
    expect(streamed).toContain('hello cloud')
    expect((await client.listModels()).map((m) => m.name)).toContain('phi3:mini')
    const auth = service.requests.map((r) => r.headers.authorization)
    expect(auth.every((h) => h?.startsWith('Bearer ey'))).toBe(true)
    expect(new Set(auth).size).toBe(1)
    const tokenCalls = (await gcloud.calls()).filter((args) => args[0] === 'auth')
    // The user account refuses --audiences once, then one plain token serves all three requests.
    expect(tokenCalls).toEqual([
      ['auth', 'print-identity-token', `--audiences=${service.url}`],
      ['auth', 'print-identity-token'],
    ])
  })

  it('an account without roles/run.invoker gets an auth error naming it', async () => {
    await gcloud.configure({ account: 'intern@example.com' })
    const client = await clientFor(gcloud.env)
    const error = await client
      .generate({
        model: 'phi3:mini',
        messages: [{ role: 'user', content: 'hi' }],
        signal: AbortSignal.timeout(10_000),
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).code).toBe('auth')
    expect((error as LlmError).message).toContain(
      `Cloud Run refused intern@example.com: it needs roles/run.invoker on ${service.url}`,
    )
    await gcloud.configure({})
  })
})
