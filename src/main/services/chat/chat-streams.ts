// Runs Playground streams: one abortable factory stream per id, deltas coalesced before they are pushed.
import type {
  AnswerMetrics,
  ChatDeltaEvent,
  ChatDoneEvent,
  ChatErrorData,
  ChatErrorEvent,
  ChatSettings,
  UsedModel,
} from '../../../shared/chat'
import type { ChatMessage, StreamEvent } from '../../../shared/llm'
import { parseChainEntry } from '../../../shared/failover'
import { LlmError } from '../../../shared/llm'
import type { ProviderProtocol } from '../../../shared/providers'
import type { LlmFactory } from '../factory'
import { attemptsOf } from '../factory'
import { continuationCall } from './continuation'

export interface ChatStreamSink {
  delta(event: ChatDeltaEvent): void
  done(event: ChatDoneEvent): void
  error(event: ChatErrorEvent): void
}

export interface ChatStreamOptions {
  /** Deltas are pushed at most this often: one IPC/SSE message per token would swamp the renderer. */
  flushMs?: number
  /** Turns any failure into what the renderer sees (main redacts keys there). */
  describeError?: (error: unknown) => ChatErrorData
}

export interface StartChatRequest {
  streamId: string
  settings: ChatSettings
  history: ChatMessage[]
  prompt: string
  /** Continue: the answer to `prompt` so far; the stream then carries only what follows it. */
  continueFrom?: string
}

export function describeChatError(error: unknown): ChatErrorData {
  if (error instanceof LlmError) {
    const attempts = attemptsOf(error)
    return {
      code: error.code,
      message: error.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(error.text === undefined ? {} : { text: error.text }),
      ...(attempts.length > 0 ? { attempts } : {}),
    }
  }
  return { code: 'internal', message: 'The answer failed unexpectedly; see the app log.' }
}

export class ChatStreams {
  private readonly running = new Map<string, AbortController>()
  private readonly flushMs: number
  private readonly describeError: (error: unknown) => ChatErrorData

  constructor(
    private readonly sink: ChatStreamSink,
    options: ChatStreamOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 16
    this.describeError = options.describeError ?? describeChatError
  }

  get activeCount(): number {
    return this.running.size
  }

  /**
   * Resolves which handler answers, then streams in the background. The id comes from the renderer
   * so it can listen before the first delta can possibly arrive.
   */
  async start(factory: LlmFactory, request: StartChatRequest): Promise<UsedModel> {
    if (this.running.has(request.streamId)) {
      throw new LlmError({ code: 'bad_request', message: 'That stream id is already in use.' })
    }
    const { settings } = request
    const failover = settings.failover?.enabled ? settings.failover : undefined
    const { used, protocol } = await resolveUsed(factory, settings.provider, settings.model)
    const call =
      request.continueFrom === undefined
        ? { prompt: request.prompt, history: request.history }
        : continuationCall(
            { ...request, answerSoFar: request.continueFrom },
            { protocol, failover: failover !== undefined },
          )
    const controller = new AbortController()
    this.running.set(request.streamId, controller)
    const options = {
      history: call.history,
      // A continuation is a fragment: JSON mode (and its check) is for whole answers.
      jsonMode: request.continueFrom === undefined && settings.jsonMode,
      ...(call.prefill === undefined ? {} : { prefill: call.prefill }),
      signal: controller.signal,
      ...(settings.system.trim() === '' ? {} : { system: settings.system }),
      ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
      ...(settings.maxTokens === undefined ? {} : { maxTokens: settings.maxTokens }),
    }
    const events = failover
      ? factory.streamWithFailover(call.prompt, {
          ...options,
          chain: await chainFrom(factory, settings, failover.chain),
        })
      : (
          await factory.createLlmHandler({ provider: settings.provider, model: settings.model })
        ).streamText(call.prompt, { ...options, model: settings.model })
    void this.pump(request.streamId, events, used, factory)
    return used
  }

  /** Aborts the stream's HTTP request; false when it had already finished. */
  stop(streamId: string): boolean {
    const controller = this.running.get(streamId)
    if (!controller) return false
    controller.abort()
    return true
  }

  stopAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }

  private async pump(
    streamId: string,
    events: AsyncIterable<StreamEvent>,
    used: UsedModel,
    factory: LlmFactory,
  ): Promise<void> {
    let pending = ''
    let streamed = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      if (pending === '') return
      this.sink.delta({ streamId, text: pending })
      pending = ''
    }
    try {
      for await (const event of events) {
        if (event.type === 'delta') {
          pending += event.text
          streamed += event.text
          timer ??= setTimeout(flush, this.flushMs)
          continue
        }
        flush()
        const answered = await answeredBy(factory, used, event)
        this.sink.done({ streamId, text: event.text, metrics: metricsOf(event), used: answered })
      }
    } catch (error) {
      flush()
      this.sink.error({ streamId, error: this.describeError(error), partialText: streamed })
    } finally {
      if (timer !== undefined) clearTimeout(timer)
      this.running.delete(streamId)
    }
  }
}

async function resolveUsed(
  factory: LlmFactory,
  provider: string,
  model: string,
): Promise<{ used: UsedModel; protocol: ProviderProtocol }> {
  const args = { provider, model }
  const [resolution, handler] = await Promise.all([
    factory.resolve(args),
    factory.createLlmHandler(args),
  ])
  const used = {
    provider: handler.providerName,
    model,
    baseUrl: resolution.view.baseUrl,
    handler: resolution.view.handler,
    fallbackReason: resolution.view.fallbackReason,
  }
  return { used, protocol: resolution.view.protocol }
}

async function usedModel(factory: LlmFactory, provider: string, model: string): Promise<UsedModel> {
  return (await resolveUsed(factory, provider, model)).used
}

/**
 * The picked provider/model first, then the chain (empty: the provider order) without the picked
 * provider again: a failed-over answer starts where the user pointed.
 */
async function chainFrom(
  factory: LlmFactory,
  settings: ChatSettings,
  chain: readonly string[],
): Promise<string[]> {
  const rest = chain.length > 0 ? chain : (await factory.failoverPlan()).map((e) => e.provider)
  const others = rest.filter((entry) => parseChainEntry(entry).provider !== settings.provider)
  return [`${settings.provider}/${settings.model}`, ...others]
}

/** Who answered, with the route (fallback URL, failover chain) when there was one. */
async function answeredBy(
  factory: LlmFactory,
  used: UsedModel,
  event: Extract<StreamEvent, { type: 'done' }>,
): Promise<UsedModel> {
  const base =
    event.provider === used.provider && event.model === used.model
      ? used
      : await usedModel(factory, event.provider, event.model)
  return {
    ...base,
    ...(event.baseUrl === undefined ? {} : { baseUrl: event.baseUrl }),
    ...(event.attempts?.length ? { attempts: event.attempts } : {}),
  }
}

function metricsOf(event: Extract<StreamEvent, { type: 'done' }>): AnswerMetrics {
  return {
    firstTokenMs: event.timings.firstTokenMs,
    totalMs: event.timings.totalMs,
    ...(event.timings.queuedMs === undefined ? {} : { queuedMs: event.timings.queuedMs }),
    ...(event.timings.tokensPerSecond === undefined
      ? {}
      : { tokensPerSecond: event.timings.tokensPerSecond }),
    ...(event.usage.promptTokens === undefined ? {} : { promptTokens: event.usage.promptTokens }),
    ...(event.usage.completionTokens === undefined
      ? {}
      : { completionTokens: event.usage.completionTokens }),
  }
}
