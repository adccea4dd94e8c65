// Specifies the fetch the provider SDKs send through: redirects refused (sparing Node's per-request
// clone) until an endpoint turns out to use them, then followed as the SDK alone would.
import { describe, expect, it } from 'vitest'
import createAnthropicClient from '../../../src/main/services/providers/anthropic'
import createGeminiClient from '../../../src/main/services/providers/gemini'
import createGroqClient from '../../../src/main/services/providers/groq'
import createOllamaClient from '../../../src/main/services/providers/ollama'
import createOpenAiCompatibleClient from '../../../src/main/services/providers/openai-compatible'
import { providerFetch } from '../../../src/main/services/providers/provider-fetch'
import type {
  ProviderClientFactory,
  ProviderSettings,
} from '../../../src/main/services/providers/types'
import { DEFAULT_ANTHROPIC_KEY, startFakeAnthropic } from '../../fakes/anthropic-server'
import type { FakeHttpServer } from '../../fakes/fake-http'
import { DEFAULT_GEMINI_KEY, startFakeGemini } from '../../fakes/gemini-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import { startFakeOllama } from '../../fakes/ollama-server'
import { DEFAULT_OPENAI_KEY, startFakeOpenAi } from '../../fakes/openai-server'
import { recordingFetch, requestBuilder } from '../../helpers/provider-calls'
import { refusedUrl } from '../../helpers/refused-port'

describe('providerFetch', () => {
  it("sends with redirect 'error' and leaves the caller's init as it was", async () => {
    const seen: (RequestInit | undefined)[] = []
    const send = providerFetch((_input, init) => {
      seen.push(init)
      return Promise.resolve(new Response('{}'))
    })
    const init: RequestInit = { method: 'POST', body: '{}', headers: { 'x-a': '1' } }

    await send('http://127.0.0.1:1/api/chat', init)

    expect(seen[0]).toEqual({ ...init, redirect: 'error' })
    expect(init).not.toHaveProperty('redirect')
  })

  it('sends a request that sets its own redirect mode, or comes as a Request, as it is', async () => {
    const seen: [RequestInfo | URL, RequestInit | undefined][] = []
    const send = providerFetch((input, init) => {
      seen.push([input, init])
      return Promise.resolve(new Response('{}'))
    })
    const manual: RequestInit = { redirect: 'manual' }
    const request = new Request('http://127.0.0.1:1/v1/chat', { method: 'POST', body: '{}' })

    await send('http://127.0.0.1:1/a', manual)
    await send(request)

    expect(seen).toEqual([
      ['http://127.0.0.1:1/a', manual],
      [request, undefined],
    ])
  })

  it('sends a failure that is not a redirect only once and rejects with it', async () => {
    const { fetch, modes } = recordingFetch()
    const send = providerFetch(fetch)

    const error = await send(`${await refusedUrl()}/api/chat`, { method: 'POST' }).catch(
      (err: unknown) => err,
    )

    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect(modes).toEqual(['error'])
  })
})

interface Subject {
  name: string
  create: ProviderClientFactory
  start: () => Promise<FakeHttpServer & { url: string }>
  /** Where the SDK posts a chat (its body carries the prompt), and the settings that reach it at `origin`. */
  path: string
  settings: (origin: string) => ProviderSettings
}

const subjects: Subject[] = [
  {
    name: 'Ollama',
    create: createOllamaClient,
    start: () => startFakeOllama({ models: ['phi3:mini'] }),
    path: '/api/chat',
    settings: (origin) => ({ model: 'phi3:mini', baseUrl: origin }),
  },
  {
    name: 'OpenAI-compatible',
    create: createOpenAiCompatibleClient,
    start: () => startFakeOpenAi(),
    path: '/v1/chat/completions',
    settings: (origin) => ({ model: 'gpt-4o-mini', apiKey: DEFAULT_OPENAI_KEY, baseUrl: origin }),
  },
  {
    name: 'Groq',
    create: createGroqClient,
    start: () => startFakeGroq(),
    path: '/openai/v1/chat/completions',
    settings: (origin) => ({
      model: 'llama-3.1-8b-instant',
      apiKey: DEFAULT_GROQ_KEY,
      baseUrl: `${origin}/openai/v1`,
    }),
  },
  {
    name: 'Anthropic',
    create: createAnthropicClient,
    start: () => startFakeAnthropic(),
    path: '/v1/messages',
    settings: (origin) => ({
      model: 'claude-haiku-4-5',
      apiKey: DEFAULT_ANTHROPIC_KEY,
      baseUrl: origin,
    }),
  },
  {
    name: 'Gemini',
    create: createGeminiClient,
    start: () => startFakeGemini(),
    path: '/v1beta/models/gemini-2.5-flash:generateContent',
    settings: (origin) => ({
      model: 'gemini-2.5-flash',
      apiKey: DEFAULT_GEMINI_KEY,
      baseUrl: `${origin}/v1beta`,
    }),
  },
]

describe.each(subjects)('$name through the real SDK', (subject) => {
  it('answers from a base URL that redirects (307) and follows redirects from then on', async () => {
    const fake = await subject.start()
    try {
      // The refused first try and the resend that follows both get the redirect (to the same
      // origin, so the key goes along); the redirected request is answered.
      fake.fail({
        status: 307,
        headers: { location: `${fake.url}${subject.path}` },
        path: subject.path,
        times: 2,
      })
      const { fetch, modes } = recordingFetch()
      const settings = subject.settings(fake.url)
      const client = await subject.create({ ...settings, fetch })
      const request = requestBuilder(settings.model, 'hello there')

      const first = await client.generate(request())

      expect(first.text).toContain('hello there')
      expect(modes).toEqual(['error', undefined])
      const sent = fake.requestsTo(subject.path)
      expect(sent).toHaveLength(3)
      for (const { body } of sent) expect(JSON.stringify(body)).toContain('hello there')

      const second = await client.generate(request())

      expect(second.text).toBe(first.text)
      expect(modes).toEqual(['error', undefined, undefined])
      expect(fake.requestsTo(subject.path)).toHaveLength(4)
    } finally {
      await fake.close()
    }
  })
})
