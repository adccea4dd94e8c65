// The Mock provider: deterministic, offline, streams in chunks, valid JSON in JSON mode.
import { LlmError } from '../../../../shared/llm'
import type { ChatMessage, Usage } from '../../../../shared/llm'
import type {
  ProviderChunk,
  ProviderClient,
  ProviderClientFactory,
  ProviderModel,
  ProviderRequest,
} from '../types'

export interface MockOptions {
  /** Delay before the answer (or before the first chunk). */
  latencyMs?: number
  /** Delay between streamed chunks. */
  chunkDelayMs?: number
  /** Characters per streamed chunk. */
  chunkSize?: number
}

const MOCK_MODELS: ProviderModel[] = [
  { name: 'mock-model', displayName: 'Mock model (offline, deterministic)' },
  { name: 'mock-json', displayName: 'Mock model that answers JSON' },
]

/** The answer is a function of the conversation only, so tests and demos are repeatable. */
export function mockAnswer(
  request: Pick<ProviderRequest, 'model' | 'messages' | 'jsonMode' | 'system'>,
): string {
  const last = lastUserMessage(request.messages)
  if (request.jsonMode || request.model === 'mock-json') {
    return JSON.stringify({
      provider: 'mock',
      model: request.model,
      echo: last,
      turns: request.messages.length,
    })
  }
  const system = request.system ? `\n\n_System prompt:_ ${request.system}` : ''
  return `**Mock answer** from \`${request.model}\` (turn ${request.messages.length}).\n\nYou said: ${last}${system}`
}

export function createMockClient(options: MockOptions = {}): ProviderClient {
  const { latencyMs = 0, chunkDelayMs = 0, chunkSize = 8 } = options
  return {
    provider: 'mock',
    async generate(request) {
      await wait(latencyMs, request.signal)
      const text = mockAnswer(request)
      return { text, usage: mockUsage(request.messages, text) }
    },
    async *stream(request): AsyncIterable<ProviderChunk> {
      await wait(latencyMs, request.signal)
      const text = mockAnswer(request)
      for (let i = 0; i < text.length; i += chunkSize) {
        if (i > 0) await wait(chunkDelayMs, request.signal)
        yield { type: 'delta', text: text.slice(i, i + chunkSize) }
      }
      yield { type: 'usage', usage: mockUsage(request.messages, text) }
    },
    listModels() {
      return Promise.resolve(MOCK_MODELS.map((m) => ({ ...m })))
    },
  }
}

const createMockProvider: ProviderClientFactory = (settings) =>
  Promise.resolve(createMockClient(settings.mock ?? {}))
export default createMockProvider

function lastUserMessage(messages: ChatMessage[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? ''
}

/** Roughly one token per four characters, like the providers' own rule of thumb. */
function mockUsage(messages: ChatMessage[], text: string): Usage {
  const promptChars = messages.reduce((n, m) => n + m.content.length, 0)
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(text.length / 4) }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(aborted())
  if (ms <= 0) return Promise.resolve()
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms))
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(aborted())
    }
    // Removed when the wait ends: a long stream waits once per chunk on the same signal.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function aborted(): LlmError {
  return new LlmError({ code: 'aborted', message: 'Stopped.', provider: 'mock' })
}
