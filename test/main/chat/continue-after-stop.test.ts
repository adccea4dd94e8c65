// Continue after Stop through the real SDKs: Anthropic gets the answer so far as a native prefill,
// other protocols get it in the history with an instruction; the stream carries only the new text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createChatHandlers } from '../../../src/main/api/chat-handlers'
import { createEventBus } from '../../../src/main/api/event-bus'
import type { AppEventBus } from '../../../src/main/api/event-bus'
import { createWorkspaceSession } from '../../../src/main/api/workspace-session'
import { CONTINUE_INSTRUCTION } from '../../../src/main/services/chat/continuation'
import { FileSecretStore } from '../../../src/main/services/secrets'
import type { ChatDoneEvent, ChatErrorEvent, ChatSettings } from '../../../src/shared/chat'
import type { FakeAnthropic } from '../../fakes/anthropic-server'
import { DEFAULT_ANTHROPIC_KEY, startFakeAnthropic } from '../../fakes/anthropic-server'
import type { FakeGroq } from '../../fakes/groq-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

let groq: FakeGroq
let anthropic: FakeAnthropic
let events: AppEventBus
let handlers: ReturnType<typeof createChatHandlers>

beforeAll(async () => {
  ;[groq, anthropic] = await Promise.all([startFakeGroq(), startFakeAnthropic()])
})
afterAll(async () => {
  await Promise.all([groq.close(), anthropic.close()])
})
beforeEach(() => {
  groq.reset()
  anthropic.reset()
  groq.setReply(() => ' and the rest.')
  anthropic.setReply(() => ' and the rest.')
  const workspace = makeWorkspace({
    [FACTORY_JSON]: {
      groq_settings_for_factory: {
        base_url_override: groq.openaiUrl,
        api_key_override: DEFAULT_GROQ_KEY,
      },
    },
  })
  const session = createWorkspaceSession({
    workspace,
    env: {
      ANTHROPIC_API_KEY: DEFAULT_ANTHROPIC_KEY,
      MINDX_LLM__ANTHROPIC__BASE_URL: `${anthropic.url}/v1`,
    },
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  events = createEventBus()
  handlers = createChatHandlers({ session, events })
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

const history = [
  { role: 'user' as const, content: 'earlier question' },
  { role: 'assistant' as const, content: 'earlier answer' },
]

async function continueWith(settings: ChatSettings, streamId: string) {
  const end = finished(streamId)
  await handlers['chat:send']({
    streamId,
    settings,
    history,
    prompt: 'tell me a story',
    continueFrom: 'Once upon a time ',
  })
  return end
}

describe('chat:send with continueFrom', () => {
  it('Anthropic: the answer so far is the prefill (no trailing space), the stream is the rest', async () => {
    const settings: ChatSettings = {
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      system: '',
      jsonMode: false,
    }
    const { name, payload } = await continueWith(settings, 'c1')
    expect(name, JSON.stringify(payload)).toBe('chat:done')
    expect((payload as ChatDoneEvent).text).toBe(' and the rest.')
    const body = anthropic.requestsTo('/v1/messages').at(-1)?.body as { messages: unknown[] }
    expect(body.messages).toEqual([
      ...history,
      { role: 'user', content: 'tell me a story' },
      { role: 'assistant', content: 'Once upon a time' },
    ])
  })

  it('other protocols: the answer so far in the history, then the instruction; JSON mode off', async () => {
    const settings: ChatSettings = {
      provider: 'groq',
      model: 'llama-3.3-70b-versatile',
      system: '',
      jsonMode: true,
    }
    const { name, payload } = await continueWith(settings, 'c2')
    expect(name, JSON.stringify(payload)).toBe('chat:done')
    expect((payload as ChatDoneEvent).text).toBe(' and the rest.')
    const body = groq.requestsTo('/openai/v1/chat/completions').at(-1)?.body as {
      messages: unknown[]
      response_format?: unknown
    }
    expect(body.messages).toEqual([
      ...history,
      { role: 'user', content: 'tell me a story' },
      { role: 'assistant', content: 'Once upon a time' },
      { role: 'user', content: CONTINUE_INSTRUCTION },
    ])
    // A fragment is not a JSON document: no response_format, no JSON check on the rest.
    expect(body.response_format).toBeUndefined()
  })

  it('the Anthropic fake refuses a prefill ending in whitespace, as the API does', async () => {
    const response = await fetch(`${anthropic.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': DEFAULT_ANTHROPIC_KEY,
        'anthropic-version': '2023-06-01',
      },
      body: JSON.stringify({
        model: 'claude-haiku-4-5',
        max_tokens: 10,
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'Hello ' },
        ],
      }),
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/trailing whitespace/)
  })

  it('a refused continuation is a typed error event, never a crash', async () => {
    anthropic.setReply(undefined)
    const settings: ChatSettings = {
      provider: 'anthropic',
      model: 'not-a-claude-model',
      system: '',
      jsonMode: false,
    }
    const { name, payload } = await continueWith(settings, 'c3')
    expect(name).toBe('chat:error')
    expect((payload as ChatErrorEvent).error.code).toBe('model_not_found')
  })
})
