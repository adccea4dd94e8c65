// Custom endpoints behind Cloud Run IAM: every request carries a fresh identity token for the service's URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLlmFactory } from '../../../src/main/services/factory'
import type { IdentityTokenSource } from '../../../src/main/services/providers/identity-token'
import { fetchWithIdentityToken } from '../../../src/main/services/providers/identity-token'
import { startFakeOllama } from '../../fakes/ollama-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

/** A stub source: counts tokens and records which audience each was for. */
function stubSource(): IdentityTokenSource & { audiences: string[] } {
  const audiences: string[] = []
  return {
    audiences,
    token(audience) {
      audiences.push(audience)
      return Promise.resolve(`id-token-${audiences.length}`)
    },
  }
}

describe('fetchWithIdentityToken', () => {
  it('adds Authorization: Bearer <token> per request, replacing one the SDK set', async () => {
    const seen: (string | null)[] = []
    const base: typeof fetch = (_input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'))
      return Promise.resolve(new Response('{}'))
    }
    const source = stubSource()
    const wrapped = fetchWithIdentityToken(base, source, 'https://svc-abc.a.run.app')
    await wrapped('https://svc-abc.a.run.app/v1/models', {
      headers: { Authorization: 'Bearer sdk-key', 'X-Other': '1' },
    })
    await wrapped(new Request('https://svc-abc.a.run.app/v1/models'))
    expect(seen).toEqual(['Bearer id-token-1', 'Bearer id-token-2'])
    expect(source.audiences).toEqual(['https://svc-abc.a.run.app', 'https://svc-abc.a.run.app'])
  })
})

describe('a custom provider with auth: gcloud-identity-token', () => {
  let ollama: FakeOllama
  beforeAll(async () => {
    ollama = await startFakeOllama({ models: ['gemma3:1b'] })
  })
  afterAll(() => ollama.close())

  const workspace = () =>
    makeWorkspace({
      [FACTORY_JSON]: {
        custom_providers: {
          'cloud-run-gemma': {
            protocol: 'ollama',
            base_url: `${ollama.url}/`,
            default_model: 'gemma3:1b',
            auth: 'gcloud-identity-token',
          },
        },
      },
    })

  it('sends the token from the injected source, audience = the service URL', async () => {
    const source = stubSource()
    const factory = createLlmFactory({ workspace: workspace(), env: {}, identityTokens: source })
    const handler = await factory.createLlmHandler({ provider: 'cloud-run-gemma' })
    expect(await handler.generateText('hi there')).toContain('hi there')
    const chat = ollama.requestsTo('/api/chat').at(-1)
    expect(chat?.headers.authorization).toMatch(/^Bearer id-token-\d+$/)
    expect(new Set(source.audiences)).toEqual(new Set([new URL(ollama.url).origin]))
  })

  it('fails with auth, saying why, when the app has no token source', async () => {
    const factory = createLlmFactory({ workspace: workspace(), env: {} })
    const handler = await factory.createLlmHandler({ provider: 'cloud-run-gemma' })
    await expect(handler.generateText('hi')).rejects.toMatchObject({
      code: 'auth',
      message: expect.stringMatching(/needs a Google identity token/),
    })
  })
})
