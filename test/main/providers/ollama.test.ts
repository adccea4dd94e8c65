// Specifies the Ollama provider through the real ollama-js SDK against the fake Ollama server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import createOllamaClient from '../../../src/main/services/providers/ollama'
import { parseRetryAfter } from '../../../src/main/services/providers/retry-after'
import type { ProviderChunk } from '../../../src/main/services/providers/types'
import { startFakeOllama } from '../../fakes/ollama-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import {
  abortOnFirstChunk,
  clientClosedEarly,
  collect,
  connector,
  firstChunk,
  lastBody as lastBodyOf,
  llmErrorOf,
  requestBuilder,
} from '../../helpers/provider-calls'

let fake: FakeOllama

beforeEach(async () => {
  fake = await startFakeOllama({ models: ['phi3:mini', 'llama3.2:1b'] })
})
afterEach(async () => {
  await fake.close()
})

const client = connector(createOllamaClient, () => ({ model: 'phi3:mini', baseUrl: fake.url }))
const request = requestBuilder('phi3:mini', 'hello there')
const lastBody = () => lastBodyOf(fake.requestsTo('/api/chat'))

describe('Ollama provider: requests', () => {
  it('generates a reply with token usage through POST /api/chat (not streamed)', async () => {
    const ollama = await client()

    const result = await ollama.generate(request())

    expect(result.text).toBe('You said: hello there')
    expect(result.usage).toEqual({ promptTokens: 2, completionTokens: 4 })
    expect(lastBody()).toMatchObject({ model: 'phi3:mini', stream: false })
  })

  it('puts the system prompt first and maps temperature and maxTokens to Ollama options', async () => {
    const ollama = await client()

    await ollama.generate(request({ system: 'Be brief.', temperature: 0.2, maxTokens: 64 }))

    expect(lastBody()).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello there' },
      ],
      options: { temperature: 0.2, num_predict: 64 },
    })
  })

  it('streams one delta per chunk, then the usage from the final chunk', async () => {
    const ollama = await client()

    const chunks = await collect(ollama.stream(request()))

    expect(chunks).toEqual([
      { type: 'delta', text: 'You ' },
      { type: 'delta', text: 'said: ' },
      { type: 'delta', text: 'hello ' },
      { type: 'delta', text: 'there' },
      { type: 'usage', usage: { promptTokens: 2, completionTokens: 4 } },
    ])
    expect(lastBody()).toMatchObject({ stream: true })
  })

  it('asks for format "json" only in JSON mode', async () => {
    const ollama = await client()

    await ollama.generate(request({ jsonMode: true }))
    expect(lastBody()).toMatchObject({ format: 'json' })

    await ollama.generate(request())
    expect(lastBody()).not.toHaveProperty('format')
  })

  it('sends keep_alive when the settings set it, and omits it otherwise', async () => {
    await (await client({ keepAlive: '10m' })).generate(request())
    expect(lastBody()).toMatchObject({ keep_alive: '10m' })

    await (await client()).generate(request())
    expect(lastBody()).not.toHaveProperty('keep_alive')
  })

  it('sends custom headers (e.g. Authorization for a secured remote host) with every request', async () => {
    const ollama = await client({ headers: { Authorization: 'Bearer s3cret', 'X-Team': 'mindx' } })

    await ollama.generate(request())
    await collect(ollama.stream(request()))
    await ollama.listModels()

    expect(fake.requests).toHaveLength(3)
    for (const recorded of fake.requests) {
      expect(recorded.headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-team': 'mindx' })
    }
  })

  it('uses the injected fetch for its HTTP calls', async () => {
    const injected = vi.fn<typeof fetch>((input, init) => fetch(input, init))
    const ollama = await client({ fetch: injected })

    await ollama.generate(request())

    expect(injected).toHaveBeenCalledOnce()
    expect(injected.mock.calls[0]?.[0]).toBe(`${fake.url}/api/chat`)
  })

  it('an injected fetch that throws instead of rejecting reads as not reachable, not as a lost answer', async () => {
    const injected = vi.fn<typeof fetch>(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    })
    const ollama = await client({ fetch: injected })

    const error = await ollama.generate(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'unreachable' })
    expect((error as Error).message).toContain('is not reachable at')
  })

  it("an error answer keeps its headers and Ollama's own words (ResponseError drops both)", async () => {
    const injected = vi.fn<typeof fetch>(() =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'slow down' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '7' },
        }),
      ),
    )
    const ollama = await client({ fetch: injected })

    const error = await ollama.generate(request()).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 7000 })
    expect((error as { cause?: { message?: string } }).cause?.message).toBe('slow down')
  })

  it('lists installed models from /api/tags with size, date, family, parameters and quantization', async () => {
    const ollama = await client()

    const models = await ollama.listModels()

    expect(models.map((m) => m.name)).toEqual(['phi3:mini', 'llama3.2:1b'])
    expect(models[1]).toEqual({
      name: 'llama3.2:1b',
      size: fake.state.installed[1]?.size,
      modifiedAt: '2025-01-15T10:00:00.000Z',
      family: 'llama',
      parameterSize: '1B',
      quantization: 'Q4_K_M',
    })
  })
})

describe('Ollama provider: errors become LlmError', () => {
  it('maps 401 to auth', async () => {
    fake.fail({ status: 401 })
    const error = await llmErrorOf(async () => (await client()).generate(request()))

    expect(error).toMatchObject({ code: 'auth', status: 401, provider: 'ollama' })
  })

  it('maps a missing model (404) to model_not_found with a pull hint', async () => {
    const ollama = await client({ model: 'mistral:7b' })
    const error = await llmErrorOf(() => ollama.generate(request({ model: 'mistral:7b' })))

    expect(error).toMatchObject({ code: 'model_not_found', status: 404, model: 'mistral:7b' })
    expect(error.message).toBe(
      `Model mistral:7b is not installed on ${fake.url} — pull it with \`ollama pull mistral:7b\``,
    )
  })

  it('maps 429 with retry-after: 2 to rate_limit with retryAfterMs 2000', async () => {
    fake.fail({ status: 429, headers: { 'retry-after': '2' } })
    const error = await llmErrorOf(async () => (await client()).generate(request()))

    expect(error).toMatchObject({ code: 'rate_limit', status: 429, retryAfterMs: 2000 })
    expect(error.retryable).toBe(true)
  })

  it('reads retry-after given as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-15T10:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter('Wed, 15 Jan 2025 10:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Wed, 15 Jan 2025 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })

  it('maps 400 to bad_request and 500 to provider, keeping the status', async () => {
    const ollama = await client()
    fake.fail({ status: 400, body: { error: 'invalid options' } })
    fake.fail({ status: 500 })

    const badRequest = await llmErrorOf(() => ollama.generate(request()))
    const serverError = await llmErrorOf(() => collect(ollama.stream(request())))

    expect(badRequest).toMatchObject({ code: 'bad_request', status: 400 })
    expect(badRequest.message).toContain('invalid options')
    expect(serverError).toMatchObject({ code: 'provider', status: 500 })
  })

  it('turns a connection dropped mid-stream into an LlmError after the deltas already received', async () => {
    const ollama = await client()
    fake.dropMidStream(2)
    const received: ProviderChunk[] = []

    const error = await llmErrorOf(async () => {
      for await (const chunk of ollama.stream(request())) received.push(chunk)
    })

    expect(received).toEqual([
      { type: 'delta', text: 'You ' },
      { type: 'delta', text: 'said: ' },
    ])
    expect(error.code).toBe('unreachable')
    expect(error.status).toBeUndefined()
    expect(error.message).toContain('closed the connection before the answer was complete')
  })

  it('aborting mid-stream rejects with aborted and closes the HTTP connection', async () => {
    const ollama = await client()
    fake.hold(2)

    const { received, error } = await abortOnFirstChunk((signal) =>
      ollama.stream(request({ signal })),
    )

    expect(error.code).toBe('aborted')
    expect(received.length).toBeGreaterThanOrEqual(1)
    expect(await clientClosedEarly(fake.requestsTo('/api/chat')[0])).toBe(true)
  })

  it('aborting a non-streamed generate cancels its HTTP request too', async () => {
    const ollama = await client()
    const controller = new AbortController()
    fake.slow(60_000)

    const pending = llmErrorOf(() => ollama.generate(request({ signal: controller.signal })))
    const [chat] = await fake.waitForRequests('/api/chat')
    controller.abort()

    expect((await pending).code).toBe('aborted')
    expect(await clientClosedEarly(chat)).toBe(true)
  })

  it('stopping a stream early (break) closes the HTTP connection', async () => {
    const ollama = await client()
    fake.hold(2)

    expect((await firstChunk(ollama.stream(request())))?.type).toBe('delta')

    expect(await clientClosedEarly(fake.requestsTo('/api/chat')[0])).toBe(true)
  })

  it('reports a server that is down as unreachable, with what to do next', async () => {
    // The replacement starts before the old one closes, so it cannot reuse the now-closed port.
    const down = fake
    fake = await startFakeOllama()
    await down.close()
    const url = down.url
    const ollama = await createOllamaClient({ model: 'phi3:mini', baseUrl: url })

    const error = await llmErrorOf(() => ollama.generate(request()))
    const listError = await llmErrorOf(() => ollama.listModels())

    expect(error).toMatchObject({ code: 'unreachable', status: undefined })
    expect(error.message).toBe(`Ollama is not reachable at ${url} — is \`ollama serve\` running?`)
    expect(listError.code).toBe('unreachable')
  })
})

describe('Ollama provider: loading the SDK', () => {
  afterEach(() => {
    vi.doUnmock('ollama')
    vi.resetModules()
  })

  it('rejects when ollama-js cannot be loaded, so the factory can fall back', async () => {
    vi.resetModules()
    vi.doMock('ollama', () => {
      throw new Error('Cannot find package "ollama"')
    })
    const { default: factory } = await import('../../../src/main/services/providers/ollama')

    await expect(factory({ model: 'phi3:mini' })).rejects.toThrow()
  })
})

describe('Ollama errors: an unknown library name', () => {
  it('HTTP 500 "pull model manifest: file does not exist" says the name is not in the library', async () => {
    const { mapError } = await import('../../../src/main/services/providers/ollama/map-error')
    const error = mapError(
      {
        name: 'ResponseError',
        status_code: 500,
        message: 'pull model manifest: file does not exist',
      },
      { baseUrl: 'http://h:11434', model: 'no-such:3b' },
    )
    expect(error.code).toBe('model_not_found')
    expect(error.message).toBe(
      'Model no-such:3b was not found in the Ollama library — check the name (see https://ollama.com/library).',
    )
  })
})
