// LlmHandler around one ProviderClient: request shaping, retries, abort/timeout, timings, JSON checks.
import type {
  GenerateOptions,
  GenerateResult,
  ProviderName,
  StreamEvent,
  Timings,
  Usage,
} from '../../../shared/llm'
import { LlmError } from '../../../shared/llm'
import type { HandlerClass } from '../../../shared/resolution'
import type { ProviderClient, ProviderModel, ProviderRequest } from '../providers/types'
import type { CallPolicy } from './call-policy'
import { CallSignal, retryDelay } from './call-policy'
import type { LlmHandler } from './types'

export interface HandlerInit {
  provider: ProviderName
  model: string
  handlerClass: HandlerClass
  fallbackReason: string | null
  client: ProviderClient
  policy: CallPolicy
}

export function createHandler(init: HandlerInit): LlmHandler {
  return new FactoryHandler(init)
}

class FactoryHandler implements LlmHandler {
  readonly providerName: ProviderName
  readonly modelNameForApi: string
  readonly handlerClass: HandlerClass
  readonly fallbackReason: string | null
  private readonly client: ProviderClient
  private readonly policy: CallPolicy

  constructor(init: HandlerInit) {
    this.providerName = init.provider
    this.modelNameForApi = init.model
    this.handlerClass = init.handlerClass
    this.fallbackReason = init.fallbackReason
    this.client = init.client
    this.policy = init.policy
  }

  async generateText(prompt: string, options: GenerateOptions = {}): Promise<string> {
    return (await this.generate(prompt, options)).text
  }

  async generate(prompt: string, options: GenerateOptions = {}): Promise<GenerateResult> {
    const model = options.model ?? this.modelNameForApi
    const context = { provider: this.providerName, model }
    const call = new CallSignal(options.signal, this.policy.timeoutMs)
    const started = this.policy.now()
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await this.client.generate(this.request(prompt, options, call.signal))
          const totalMs = this.policy.now() - started
          checkJson(answer.text, options, context)
          const timings = computeTimings(totalMs, totalMs, answer.usage)
          return { text: answer.text, usage: answer.usage, timings, ...context }
        } catch (err) {
          await this.backoffOrThrow(call, err, attempt, context)
        }
      }
    } finally {
      call.dispose()
    }
  }

  async *streamText(prompt: string, options: GenerateOptions = {}): AsyncIterable<StreamEvent> {
    const model = options.model ?? this.modelNameForApi
    const context = { provider: this.providerName, model }
    const call = new CallSignal(options.signal, this.policy.timeoutMs)
    const started = this.policy.now()
    let firstTokenAt: number | undefined
    let text = ''
    let usage: Usage = {}
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          for await (const chunk of this.client.stream(
            this.request(prompt, options, call.signal),
          )) {
            if (chunk.type === 'usage') {
              usage = chunk.usage
              continue
            }
            if (chunk.text === '') continue
            firstTokenAt ??= this.policy.now()
            text += chunk.text
            yield { type: 'delta', text: chunk.text }
          }
          break
        } catch (err) {
          // Once text has reached the caller a retry would repeat it: fail instead.
          if (firstTokenAt !== undefined) throw call.toLlmError(err, context)
          await this.backoffOrThrow(call, err, attempt, context)
        }
      }
      const end = this.policy.now()
      checkJson(text, options, context)
      const timings = computeTimings((firstTokenAt ?? end) - started, end - started, usage)
      yield { type: 'done', text, usage, timings, ...context }
    } finally {
      call.dispose()
    }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    const call = new CallSignal(signal, this.policy.timeoutMs)
    try {
      return await this.client.listModels(call.signal)
    } catch (err) {
      throw call.toLlmError(err, { provider: this.providerName, model: this.modelNameForApi })
    } finally {
      call.dispose()
    }
  }

  private request(prompt: string, options: GenerateOptions, signal: AbortSignal): ProviderRequest {
    return {
      model: options.model ?? this.modelNameForApi,
      messages: [...(options.history ?? []), { role: 'user', content: prompt }],
      system: options.system,
      maxTokens: options.maxTokens,
      temperature: options.temperature,
      jsonMode: options.jsonMode,
      signal,
    }
  }

  private async backoffOrThrow(
    call: CallSignal,
    err: unknown,
    attempt: number,
    context: { provider: string; model: string },
  ): Promise<void> {
    const error = call.toLlmError(err, context)
    const wait = call.signal.aborted ? undefined : retryDelay(error, attempt, this.policy)
    if (wait === undefined) throw error
    try {
      await this.policy.sleep(wait, call.signal)
    } catch (abortErr) {
      throw call.toLlmError(abortErr, context)
    }
  }
}

function checkJson(
  text: string,
  options: GenerateOptions,
  context: { provider: string; model: string },
): void {
  if (!options.jsonMode) return
  try {
    JSON.parse(text)
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    throw new LlmError({
      ...context,
      code: 'invalid_json',
      message: `JSON mode was on but the answer is not valid JSON (${detail}).`,
      text,
    })
  }
}

function computeTimings(firstTokenMs: number, totalMs: number, usage: Usage): Timings {
  const generationMs = totalMs - firstTokenMs
  const tokens = usage.completionTokens
  const seconds = (generationMs > 0 ? generationMs : totalMs) / 1000
  return {
    firstTokenMs: round(firstTokenMs),
    totalMs: round(totalMs),
    ...(tokens && seconds > 0 ? { tokensPerSecond: round(tokens / seconds) } : {}),
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
