// chat:* over a real factory and the fake Ollama/Groq: history, Stop closing the request, errors, models.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createChatHandlers } from '../../../src/main/api/chat-handlers'
import type { AppEventBus } from '../../../src/main/api/event-bus'
import { createEventBus } from '../../../src/main/api/event-bus'
import { createWorkspaceSession } from '../../../src/main/api/workspace-session'
import { FileSecretStore } from '../../../src/main/services/secrets'
import type { ChatDoneEvent, ChatErrorEvent, ChatSettings } from '../../../src/shared/chat'
import type { FakeGroq } from '../../fakes/groq-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import { startFakeOllama } from '../../fakes/ollama-server'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

let ollama: FakeOllama
let groq: FakeGroq
let events: AppEventBus
let handlers: ReturnType<typeof createChatHandlers>
let seen: { name: string; payload: unknown }[]

beforeAll(async () => {
  ;[ollama, groq] = await Promise.all([startFakeOllama(), startFakeGroq()])
})
afterAll(async () => {
  await Promise.all([ollama.close(), groq.close()])
})
beforeEach(() => {
  ollama.reset()
  groq.reset()
  groq.setReply(undefined)
  groq.setInvalidJson(false)
  const workspace = makeWorkspace({
    [FACTORY_JSON]: {
      default_provider_preference_order: ['ollama'],
      ollama_settings_for_factory: { base_url_override: ollama.url },
      groq_settings_for_factory: {
        base_url_override: groq.openaiUrl,
        api_key_override: DEFAULT_GROQ_KEY,
      },
    },
  })
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  events = createEventBus()
  seen = []
  events.subscribe((name, payload) => seen.push({ name, payload }))
  handlers = createChatHandlers({ session, events })
})

const settings = (over: Partial<ChatSettings> = {}): ChatSettings => ({
  provider: 'ollama',
  model: 'phi3:mini',
  system: '',
  jsonMode: false,
  ...over,
})

function finished(streamId: string): Promise<{ name: string; payload: unknown }> {
  return new Promise((resolve) => {
    const stop = events.subscribe((name, payload) => {
      const id = (payload as { streamId?: string }).streamId
      if (id === streamId && (name === 'chat:done' || name === 'chat:error')) {
        stop()
        resolve({ name, payload })
      }
    })
  })
}

describe('chat:send', () => {
  it('sends the history and the system prompt to the provider, then reports metrics and what answered', async () => {
    const end = finished('s1')
    const history = [
      { role: 'user' as const, content: 'first question' },
      { role: 'assistant' as const, content: 'first answer' },
    ]
    const { used } = await handlers['chat:send']({
      streamId: 's1',
      settings: settings({ system: 'be brief' }),
      history,
      prompt: 'second question',
    })
    expect(used).toMatchObject({ provider: 'ollama', model: 'phi3:mini', baseUrl: ollama.url })
    const { name, payload } = await end
    expect(name).toBe('chat:done')
    const done = payload as ChatDoneEvent
    expect(done.text).toBe('You said: second question')
    expect(done.metrics.completionTokens).toBeGreaterThan(0)
    expect(done.metrics.totalMs).toBeGreaterThanOrEqual(done.metrics.firstTokenMs)
    const body = ollama.requestsTo('/api/chat')[0]?.body as { messages: unknown[] }
    expect(body.messages).toEqual([
      { role: 'system', content: 'be brief' },
      ...history,
      { role: 'user', content: 'second question' },
    ])
    const deltas = seen
      .filter((e) => e.name === 'chat:delta')
      .map((e) => (e.payload as { text: string }).text)
    expect(deltas.join('')).toBe(done.text)
  })

  it('Stop aborts the HTTP request: the fake sees the connection close, the partial text is kept', async () => {
    ollama.hold(2)
    const end = finished('s2')
    await handlers['chat:send']({
      streamId: 's2',
      settings: settings(),
      history: [],
      prompt: 'one two three four five',
    })
    const [request] = await ollama.waitForRequests('/api/chat', 1)
    await new Promise<void>((resolve) => {
      const stop = events.subscribe((name) => name === 'chat:delta' && (stop(), resolve()))
    })
    expect(await handlers['chat:stop']({ streamId: 's2' })).toEqual({ stopped: true })
    const { name, payload } = await end
    expect(name).toBe('chat:error')
    expect((payload as ChatErrorEvent).error.code).toBe('aborted')
    expect((payload as ChatErrorEvent).partialText).toMatch(/^You said:/)
    await request!.settled
    expect(request!.closedEarly).toBe(true)
    expect(await handlers['chat:stop']({ streamId: 's2' })).toEqual({ stopped: false })
    ollama.release()
  })

  it('passes temperature and max tokens through to the provider', async () => {
    const end = finished('s5')
    await handlers['chat:send']({
      streamId: 's5',
      settings: settings({
        provider: 'groq',
        model: 'llama-3.3-70b-versatile',
        temperature: 0.3,
        maxTokens: 2,
      }),
      history: [],
      prompt: 'one two three four',
    })
    const { payload } = await end
    expect((payload as ChatDoneEvent).text).toBe('one two')
    const body = groq.requestsTo('/openai/v1/chat/completions').at(-1)?.body as Record<
      string,
      unknown
    >
    expect(body.temperature).toBe(0.3)
    expect(body.max_completion_tokens ?? body.max_tokens).toBe(2)
  })

  it('JSON mode: an invalid answer comes back as invalid_json with the text kept', async () => {
    groq.setInvalidJson(true)
    const end = finished('s3')
    await handlers['chat:send']({
      streamId: 's3',
      settings: settings({ provider: 'groq', model: 'llama-3.3-70b-versatile', jsonMode: true }),
      history: [],
      prompt: 'give json',
    })
    const { name, payload } = await end
    expect(name).toBe('chat:error')
    const error = (payload as ChatErrorEvent).error
    expect(error.code).toBe('invalid_json')
    expect(error.text).toBe('{"echo":"give json')
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('a rate limit carries retryAfterMs; no key appears in any event', async () => {
    groq.fail({ status: 429, headers: { 'retry-after': '42' }, times: 5 })
    const end = finished('s4')
    await handlers['chat:send']({
      streamId: 's4',
      settings: settings({ provider: 'groq', model: 'llama-3.3-70b-versatile' }),
      history: [],
      prompt: 'hi',
    })
    const { payload } = await end
    expect((payload as ChatErrorEvent).error).toMatchObject({
      code: 'rate_limit',
      retryAfterMs: 42_000,
    })
    expect(JSON.stringify(seen)).not.toContain(DEFAULT_GROQ_KEY)
  })
})

describe('chat:models', () => {
  it("lists the provider's models and names the factory default", async () => {
    const list = await handlers['chat:models']({ provider: 'ollama' })
    expect(list.models.map((m) => m.name)).toContain(list.defaultModel)
    expect(list.models.map((m) => m.name)).toEqual(
      expect.arrayContaining(['phi3:mini', 'llama3.2:1b']),
    )
    expect(list.baseUrl).toBe(ollama.url)
  })

  it('a failing listing is reported, with the default still offered', async () => {
    ollama.fail({ status: 500, path: '/api/tags', times: 5 })
    const list = await handlers['chat:models']({ provider: 'ollama' })
    expect(list.error?.code).toBeDefined()
    expect(list.models.map((m) => m.name)).toEqual([list.defaultModel])
  })
})

describe('chat:send with failover', () => {
  it('answers from the next entry and reports the route in chat:done', async () => {
    groq.rateLimit({ retryAfterSeconds: 60, times: 10 })
    const failover = { enabled: true, chain: ['ollama/phi3:mini'] }
    const reply = await handlers['chat:send']({
      streamId: 'fo1',
      settings: settings({ provider: 'groq', model: 'llama-3.1-8b-instant', failover }),
      history: [],
      prompt: 'route me',
    })
    expect(reply.used.provider).toBe('groq')
    const { name, payload } = await finished('fo1')
    expect(name).toBe('chat:done')
    const done = payload as ChatDoneEvent
    expect(done.used).toMatchObject({ provider: 'ollama', model: 'phi3:mini', baseUrl: ollama.url })
    expect(done.used.attempts).toEqual([
      expect.objectContaining({ provider: 'groq', code: 'rate_limit' }),
    ])
  })

  it('sends the attempts with chat:error when no entry answers', async () => {
    groq.fail({ status: 400 })
    await handlers['chat:send']({
      streamId: 'fo2',
      settings: settings({
        provider: 'groq',
        model: 'llama-3.1-8b-instant',
        failover: { enabled: true, chain: [] },
      }),
      history: [],
      prompt: 'bad',
    })
    const { name, payload } = await finished('fo2')
    expect(name).toBe('chat:error')
    const error = (payload as ChatErrorEvent).error
    expect(error.code).toBe('bad_request')
    expect(error.attempts?.map((a) => a.provider)).toEqual(['groq'])
    expect(ollama.requestsTo('/api/chat')).toHaveLength(0)
  })
})
