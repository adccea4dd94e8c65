// LlmHandler around one ProviderClient per base URL: request shaping, the resilience gate, retries,
// abort/timeout, timings, JSON checks, and Ollama's fallback_url when the base URL is unreachable.
import type { CallAttempt } from '../../../shared/failover'
import type { GenerateResult, ProviderName, StreamEvent, Usage } from '../../../shared/llm'
import type { HandlerClass } from '../../../shared/resolution'
import type { ProviderClient, ProviderModel, ProviderRequest } from '../providers/types'
import type { Clock, EndpointState } from '../resilience'
import { checkJson, computeTimings } from './answer-checks'
import { attemptFrom, NotSentError, RoutedError } from './attempts'
import type { CallPolicy } from './call-policy'
import { CallSignal, retryDelay } from './call-policy'
import type { GatePass } from './call-gate'
import { estimateTokens, passGate } from './call-gate'
import type { CallOptions, LlmHandler } from './types'

/** One base URL a handler can send to, with its state in the process's resilience registry. */
export interface HandlerEndpoint {
  baseUrl: string | null
  client: ProviderClient
  state: EndpointState
}

export interface HandlerInit {
  provider: ProviderName
  model: string
  handlerClass: HandlerClass
  fallbackReason: string | null
  /** The base URL first; Ollama's fallback_url second when configured. */
  endpoints: HandlerEndpoint[]
  policy: CallPolicy
  clock: Clock
}

interface Context {
  provider: string
  model: string
}

export function createHandler(init: HandlerInit): LlmHandler {
  return new FactoryHandler(init)
}

class FactoryHandler implements LlmHandler {
  readonly providerName: ProviderName
  readonly modelNameForApi: string
  readonly handlerClass: HandlerClass
  readonly fallbackReason: string | null
  private readonly endpoints: HandlerEndpoint[]
  private readonly policy: CallPolicy
  private readonly clock: Clock

  constructor(init: HandlerInit) {
    this.providerName = init.provider
    this.modelNameForApi = init.model
    this.handlerClass = init.handlerClass
    this.fallbackReason = init.fallbackReason
    this.endpoints = init.endpoints
    this.policy = init.policy
    this.clock = init.clock
  }

  async generateText(prompt: string, options: CallOptions = {}): Promise<string> {
    return (await this.generate(prompt, options)).text
  }

  async generate(prompt: string, options: CallOptions = {}): Promise<GenerateResult> {
    const attempts: CallAttempt[] = []
    for (let i = 0; ; i++) {
      const endpoint = this.endpoints[i]!
      const started = this.policy.now()
      try {
        const result = await this.generateAt(endpoint, prompt, options)
        return attempts.length > 0 ? { ...result, attempts } : result
      } catch (err) {
        this.recordOrThrow(err, i, attempts, started, options)
      }
    }
  }

  async *streamText(prompt: string, options: CallOptions = {}): AsyncIterable<StreamEvent> {
    if (this.endpoints.length === 1) {
      yield* this.streamAt(this.endpoints[0]!, prompt, options)
      return
    }
    const attempts: CallAttempt[] = []
    for (let i = 0; ; i++) {
      const started = this.policy.now()
      let streamed = false
      try {
        for await (const event of this.streamAt(this.endpoints[i]!, prompt, options)) {
          streamed = true
          yield event.type === 'done' && attempts.length > 0 ? { ...event, attempts } : event
        }
        return
      } catch (err) {
        // After text has reached the caller another URL would answer twice: fail instead.
        if (streamed) throw attempts.length > 0 ? new RoutedError(err as never, attempts) : err
        this.recordOrThrow(err, i, attempts, started, options)
      }
    }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    const call = new CallSignal(signal, this.policy.timeoutMs)
    try {
      return await this.endpoints[0]!.client.listModels(call.signal)
    } catch (err) {
      throw call.toLlmError(err, { provider: this.providerName, model: this.modelNameForApi })
    } finally {
      call.dispose()
    }
  }

  /** An unreachable base URL (or its open circuit) hands the same request to the next URL. */
  private recordOrThrow(
    err: unknown,
    index: number,
    attempts: CallAttempt[],
    started: number,
    options: CallOptions,
  ): void {
    const error = err as RoutedError
    const next = index + 1 < this.endpoints.length && !options.signal?.aborted
    const unreachable =
      error.code === 'unreachable' &&
      (!(error instanceof NotSentError) || error.notSent === 'circuit_open')
    if (!next || !unreachable) throw attempts.length > 0 ? new RoutedError(error, attempts) : error
    const target = {
      provider: this.providerName,
      model: options.model ?? this.modelNameForApi,
      baseUrl: this.endpoints[index]!.baseUrl,
    }
    attempts.push(attemptFrom(error, target, this.policy.now() - started))
  }

  private async generateAt(
    endpoint: HandlerEndpoint,
    prompt: string,
    options: CallOptions,
  ): Promise<GenerateResult> {
    const context = { provider: this.providerName, model: options.model ?? this.modelNameForApi }
    const call = new CallSignal(options.signal, this.policy.timeoutMs)
    const request = this.request(prompt, options, call.signal)
    const gate = this.gate(endpoint, request, options, call, context)
    const pass = gate instanceof Promise ? await gate : gate
    const started = this.policy.now()
    let answer: { text: string; usage: Usage }
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          answer = await endpoint.client.generate(request)
          break
        } catch (err) {
          await this.backoffOrThrow(call, err, attempt, context, options)
        }
      }
    } catch (err) {
      endpoint.state.failed(this.clock.now(), call.toLlmError(err, context))
      throw err
    } finally {
      call.dispose()
    }
    const totalMs = this.policy.now() - started
    endpoint.state.succeeded(pass.ticket, this.clock.now(), totalTokens(answer.usage))
    checkJson(answer.text, options, context)
    const timings = computeTimings(totalMs, totalMs, answer.usage, pass.queuedMs)
    return { text: answer.text, usage: answer.usage, timings, ...context, ...this.route(endpoint) }
  }

  private async *streamAt(
    endpoint: HandlerEndpoint,
    prompt: string,
    options: CallOptions,
  ): AsyncIterable<StreamEvent> {
    const context = { provider: this.providerName, model: options.model ?? this.modelNameForApi }
    const call = new CallSignal(options.signal, this.policy.timeoutMs)
    const request = this.request(prompt, options, call.signal)
    let firstTokenAt: number | undefined
    let text = ''
    let usage: Usage = {}
    const gate = this.gate(endpoint, request, options, call, context)
    const pass = gate instanceof Promise ? await gate : gate
    let settled = false
    try {
      const started = this.policy.now()
      for (let attempt = 0; ; attempt++) {
        try {
          for await (const chunk of endpoint.client.stream(request)) {
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
          await this.backoffOrThrow(call, err, attempt, context, options)
        }
      }
      const end = this.policy.now()
      settled = true
      endpoint.state.succeeded(pass.ticket, this.clock.now(), totalTokens(usage))
      checkJson(text, options, context)
      const timings = computeTimings(
        (firstTokenAt ?? end) - started,
        end - started,
        usage,
        pass.queuedMs,
      )
      yield { type: 'done', text, usage, timings, ...context, ...this.route(endpoint) }
    } catch (err) {
      if (!settled) {
        settled = true
        endpoint.state.failed(this.clock.now(), call.toLlmError(err, context))
      }
      throw err
    } finally {
      // A reader that stopped early (break) leaves no trial call marked as running.
      if (!settled) endpoint.state.release()
      call.dispose()
    }
  }

  private route(endpoint: HandlerEndpoint): { baseUrl?: string | null } {
    return this.endpoints.length > 1 ? { baseUrl: endpoint.baseUrl } : {}
  }

  private gate(
    endpoint: HandlerEndpoint,
    request: ProviderRequest,
    options: CallOptions,
    call: CallSignal,
    context: Context,
  ): GatePass | Promise<GatePass> {
    const tokens = estimateTokens([request.system, ...request.messages.map((m) => m.content)])
    const fail = (err: unknown): never => {
      call.dispose()
      throw call.toLlmError(err, context)
    }
    try {
      const pass = passGate(endpoint.state, this.clock, tokens, {
        maxQueueWaitMs: options.maxQueueWaitMs ?? this.policy.maxRetryWaitMs,
        ignoreHealth: options.ignoreHealth,
        sleep: this.policy.sleep,
        signal: call.signal,
        context,
      })
      return pass instanceof Promise ? pass.catch(fail) : pass
    } catch (err) {
      return fail(err)
    }
  }

  private request(prompt: string, options: CallOptions, signal: AbortSignal): ProviderRequest {
    return {
      model: options.model ?? this.modelNameForApi,
      messages: [
        ...(options.history ?? []),
        { role: 'user', content: prompt },
        ...(options.prefill ? [{ role: 'assistant' as const, content: options.prefill }] : []),
      ],
      system: options.system,
      maxTokens: options.maxTokens,
      temperature: options.temperature,
      jsonMode: options.jsonMode,
      signal,
    }
  }

  /** Sleeps before the next retry, or throws the failure as an LlmError. */
  private async backoffOrThrow(
    call: CallSignal,
    err: unknown,
    attempt: number,
    context: Context,
    options: CallOptions,
  ): Promise<void> {
    const error = call.toLlmError(err, context)
    const policy =
      options.maxRetryWaitMs === undefined
        ? this.policy
        : { ...this.policy, maxRetryWaitMs: options.maxRetryWaitMs }
    const wait = call.signal.aborted ? undefined : retryDelay(error, attempt, policy)
    if (wait === undefined) throw error
    try {
      await this.policy.sleep(wait, call.signal)
    } catch (abortErr) {
      throw call.toLlmError(abortErr, context)
    }
  }
}

function totalTokens(usage: Usage): number | undefined {
  const { promptTokens, completionTokens } = usage
  if (promptTokens === undefined && completionTokens === undefined) return undefined
  return (promptTokens ?? 0) + (completionTokens ?? 0)
}
