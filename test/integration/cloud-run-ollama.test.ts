// A deployed Cloud Run service used as an authenticated Ollama: the real ollama-js through the identity-token
// fetch, against a fake Ollama behind fake IAM, with tokens from the fake gcloud.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import {
  addCloudRunProvider,
  GcloudCli,
  GcloudIdentityTokenSource,
} from '../../src/main/services/deploy'
import { createLlmFactory } from '../../src/main/services/factory'
import { fetchWithIdentityToken } from '../../src/main/services/providers/identity-token'
import createOllamaClient from '../../src/main/services/providers/ollama'
import { LlmError } from '../../src/shared/llm'
import type { FakeGcloud } from '../fakes/fake-gcloud'
import { jwtClaims, startFakeGcloud } from '../fakes/fake-gcloud'
import type { FakeOllama } from '../fakes/ollama-server'
import { startFakeOllama } from '../fakes/ollama-server'
import { writeWorkspace } from '../app/helpers'

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

describe('the deployed service as a provider of the factory', () => {
  let workspace = ''
  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'cloud-run-provider-'))
    await writeWorkspace(workspace, {})
    await addCloudRunProvider(join(workspace, 'data/config/llm_factory_config.json'), {
      name: 'ollama-phi3-mini',
      url: service.url,
      model: 'phi3:mini',
    })
  })
  afterAll(() => rm(workspace, { recursive: true, force: true }))

  it('createLlmHandler({provider: <service>}) answers through the token-carrying ollama protocol', async () => {
    const identityTokens = new GcloudIdentityTokenSource({ gcloud: new GcloudCli(gcloud.env) })
    const factory = createLlmFactory({ workspace, env: {}, identityTokens })
    const { view } = await factory.resolve({ provider: 'ollama-phi3-mini' })
    expect(view).toMatchObject({ provider: 'ollama-phi3-mini', model: 'phi3:mini' })
    expect(view.baseUrl).toBe(service.url)
    const handler = await factory.createLlmHandler({ provider: 'ollama-phi3-mini' })
    const result = await handler.generate('through the factory')
    expect(result.text).toContain('through the factory')
    expect(service.requests.at(-1)?.headers.authorization).toMatch(/^Bearer ey/)
  })

  it('the CLI generates with --provider <service>', async () => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(
      [
        'generate',
        '--provider',
        'ollama-phi3-mini',
        '--prompt',
        'from the cli',
        '--workspace',
        workspace,
      ],
      gcloud.env,
      '/',
      {
        out: (t) => void out.push(t),
        err: (t) => void err.push(t),
        readStdin: () => Promise.resolve(undefined),
      },
    )
    expect(err.join('')).toBe('')
    expect(code).toBe(0)
    expect(out.join('')).toContain('from the cli')
  })
})
