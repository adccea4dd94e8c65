// Specification of what the factory adds around every provider: retries, abort, timeout, JSON, timings.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALL_POLICY } from '../../../src/main/services/factory/call-policy'
import type { CallPolicy } from '../../../src/main/services/factory/call-policy'
import { createHandler } from '../../../src/main/services/factory/handler'
import { ResilienceRegistry } from '../../../src/main/services/resilience'
import type {
  ProviderChunk,
  ProviderClient,
  ProviderRequest,
} from '../../../src/main/services/providers/types'
import { LlmError } from '../../../src/shared/llm'
import type { StreamEvent } from '../../../src/shared/llm'

type Step = { text: string } | { error: LlmError } | { chunks: (string | LlmError)[] }

/** A provider client that plays a script of answers, one per call, and records requests. */
function scriptedClient(script: Step[]) {
  const requests: ProviderRequest[] = []
  const next = (request: ProviderRequest) => {
    requests.push(request)
    const step = script.shift()
    if (!step) throw new Error('script exhausted')
    return step
  }
  const client: ProviderClient = {
    provider: 'groq',
    generate(request) {
      const step = next(request)
      if ('error' in step) return Promise.reject(step.error)
      if ('text' in step)
        return Promise.resolve({ text: step.text, usage: { completionTokens: 4 } })
      return Promise.resolve({ text: step.chunks.join(''), usage: {} })
    },
    async *stream(request): AsyncIterable<ProviderChunk> {
      const step = next(request)
      if ('error' in step) throw step.error
      const chunks = 'text' in step ? [step.text] : step.chunks
      for (const chunk of chunks) {
        if (chunk instanceof LlmError) throw chunk
        await Promise.resolve()
        yield { type: 'delta', text: chunk }
      }
      yield { type: 'usage', usage: { promptTokens: 3, completionTokens: chunks.length } }
    },
    listModels: () => Promise.resolve([]),
  }
  return { client, requests }
}

function handlerWith(script: Step[], policy: Partial<CallPolicy> = {}) {
  const sleeps: number[] = []
  const { client, requests } = scriptedClient(script)
  const handler = createHandler({
    provider: 'groq',
    model: 'default-model',
    handlerClass: 'GroqHandler',
    fallbackReason: null,
    ...endpointsOf(client),
    policy: {
      ...DEFAULT_CALL_POLICY,
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
      ...policy,
    },
  })
  return { handler, requests, sleeps }
}

const rateLimited = (retryAfterMs?: number) =>
  new LlmError({ code: 'rate_limit', message: 'slow down', status: 429, retryAfterMs })
const serverError = () => new LlmError({ code: 'provider', message: 'boom', status: 500 })

/** The handler's one base URL, with a fresh health state. */
function endpointsOf(client: ProviderClient) {
  const registry = new ResilienceRegistry()
  return {
    endpoints: [{ baseUrl: null, client, state: registry.endpoint('groq', null) }],
    clock: registry.clock,
  }
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

describe('requests', () => {
  it('sends history then the prompt, with the default model unless the call names one', async () => {
    const { handler, requests } = handlerWith([{ text: 'a' }, { text: 'b' }])
    await handler.generateText('second', {
      history: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer' },
      ],
      system: 'be brief',
      maxTokens: 10,
      temperature: 0.2,
    })
    expect(requests[0]).toMatchObject({
      model: 'default-model',
      system: 'be brief',
      maxTokens: 10,
      temperature: 0.2,
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer' },
        { role: 'user', content: 'second' },
      ],
    })
    await handler.generateText('x', { model: 'other' })
    expect(requests[1]?.model).toBe('other')
  })
})

describe('retries', () => {
  it('retries a 500 with backoff and succeeds', async () => {
    const { handler, requests, sleeps } = handlerWith([{ error: serverError() }, { text: 'ok' }])
    expect(await handler.generateText('hi')).toBe('ok')
    expect(requests).toHaveLength(2)
    expect(sleeps).toEqual([500])
  })

  it('honours retry-after on 429', async () => {
    const { handler, sleeps } = handlerWith([{ error: rateLimited(1500) }, { text: 'ok' }])
    expect(await handler.generateText('hi')).toBe('ok')
    expect(sleeps).toEqual([1500])
  })

  it('gives up after two retries with the last error', async () => {
    const { handler, requests } = handlerWith([
      { error: serverError() },
      { error: serverError() },
      { error: rateLimited(10) },
    ])
    await expect(handler.generateText('hi')).rejects.toMatchObject({
      code: 'rate_limit',
      retryAfterMs: 10,
    })
    expect(requests).toHaveLength(3)
  })

  it('does not sleep through a retry-after longer than the cap', async () => {
    const { handler, requests } = handlerWith([{ error: rateLimited(60_000) }, { text: 'never' }])
    await expect(handler.generateText('hi')).rejects.toMatchObject({ retryAfterMs: 60_000 })
    expect(requests).toHaveLength(1)
  })

  it('does not retry auth, bad requests or unknown models', async () => {
    for (const code of ['auth', 'bad_request', 'model_not_found'] as const) {
      const { handler, requests } = handlerWith([
        { error: new LlmError({ code, message: code, status: 400 }) },
        { text: 'never' },
      ])
      await expect(handler.generateText('hi')).rejects.toMatchObject({ code })
      expect(requests).toHaveLength(1)
    }
  })

  it('retries a connection reset but not a refused connection', async () => {
    const reset = new LlmError(
      { code: 'unreachable', message: 'reset' },
      { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) },
    )
    const refused = new LlmError(
      { code: 'unreachable', message: 'refused' },
      { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) },
    )
    const a = handlerWith([{ error: reset }, { text: 'ok' }])
    expect(await a.handler.generateText('hi')).toBe('ok')
    const b = handlerWith([{ error: refused }, { text: 'never' }])
    await expect(b.handler.generateText('hi')).rejects.toMatchObject({ code: 'unreachable' })
    expect(b.requests).toHaveLength(1)
  })

  it('retries a stream that fails before its first token', async () => {
    const { handler, requests } = handlerWith([{ error: serverError() }, { chunks: ['he', 'llo'] }])
    const events = await collect(handler.streamText('hi'))
    expect(
      events.filter((e) => e.type === 'delta').map((e) => (e.type === 'delta' ? e.text : '')),
    ).toEqual(['he', 'llo'])
    expect(requests).toHaveLength(2)
  })

  it('never retries after the first streamed token', async () => {
    const { handler, requests } = handlerWith([
      { chunks: ['he', serverError()] },
      { text: 'never' },
    ])
    const seen: string[] = []
    const error = await (async () => {
      for await (const e of handler.streamText('hi')) if (e.type === 'delta') seen.push(e.text)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['he'])
    expect(error).toMatchObject({ code: 'provider', status: 500 })
    expect(requests).toHaveLength(1)
  })
})

describe('abort and timeout', () => {
  it('hands the client no signal when nothing could abort the call, and one when something could', async () => {
    const { handler, requests } = handlerWith([{ text: 'a' }, { text: 'b' }])
    await handler.generateText('hi')
    expect(requests[0]!.signal).toBeUndefined()
    const controller = new AbortController()
    await handler.generateText('hi', { signal: controller.signal })
    expect(requests[1]!.signal).toBe(controller.signal)
    const timed = handlerWith([{ text: 'c' }], { timeoutMs: 5_000 })
    await timed.handler.generateText('hi')
    expect(timed.requests[0]!.signal).toBeInstanceOf(AbortSignal)
    expect(timed.requests[0]!.signal!.aborted).toBe(false)
  })

  it('rejects with aborted at once when the caller aborts', async () => {
    const controller = new AbortController()
    const { client } = scriptedClient([])
    client.generate = (request) =>
      new Promise((_, reject) =>
        request.signal?.addEventListener('abort', () => reject(new Error('AbortError'))),
      )
    const handler = createHandler({
      provider: 'groq',
      model: 'm',
      handlerClass: 'GroqHandler',
      fallbackReason: null,
      ...endpointsOf(client),
      policy: DEFAULT_CALL_POLICY,
    })
    const pending = handler.generateText('hi', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
  })

  it('stops waiting for a retry when aborted during the backoff', async () => {
    const controller = new AbortController()
    const { handler } = handlerWith([{ error: serverError() }, { text: 'never' }], {
      sleep: () => {
        controller.abort()
        return Promise.reject(new Error('aborted'))
      },
    })
    await expect(handler.generateText('hi', { signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    })
  })

  it('turns the configured timeout into code timeout', async () => {
    const { client } = scriptedClient([])
    client.generate = (request) =>
      new Promise((_, reject) =>
        request.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )
    const handler = createHandler({
      provider: 'groq',
      model: 'm',
      handlerClass: 'GroqHandler',
      fallbackReason: null,
      ...endpointsOf(client),
      policy: { ...DEFAULT_CALL_POLICY, timeoutMs: 30 },
    })
    const error = await handler.generateText('hi').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'timeout' })
    expect((error as Error).message).toMatch(/llm\.groq\.timeout/)
  })
})

describe('JSON mode and results', () => {
  it('flags an answer that is not JSON, keeping the text', async () => {
    const { handler } = handlerWith([{ text: 'Sure! {"a":1}' }])
    await expect(handler.generateText('hi', { jsonMode: true })).rejects.toMatchObject({
      code: 'invalid_json',
      text: 'Sure! {"a":1}',
    })
  })

  it('passes valid JSON through', async () => {
    const { handler } = handlerWith([{ text: '{"a":1}' }])
    expect(await handler.generateText('hi', { jsonMode: true })).toBe('{"a":1}')
  })

  it('ends a stream with the full text, usage and timings', async () => {
    let clock = 0
    const { handler } = handlerWith([{ chunks: ['a', 'b', 'c'] }], { now: () => (clock += 10) })
    const events = await collect(handler.streamText('hi'))
    const done = events.at(-1)
    expect(done).toMatchObject({
      type: 'done',
      text: 'abc',
      provider: 'groq',
      model: 'default-model',
      usage: { promptTokens: 3, completionTokens: 3 },
    })
    if (done?.type !== 'done') throw new Error('no done event')
    expect(done.timings.firstTokenMs).toBeGreaterThan(0)
    expect(done.timings.totalMs).toBeGreaterThan(done.timings.firstTokenMs)
    expect(done.timings.tokensPerSecond).toBeGreaterThan(0)
  })
})
