// LlmHandler around one ProviderClient per base URL: request shaping, the resilience gate, retries,
// abort/timeout, timings, JSON checks, and Ollama's fallback_url when the base URL is unreachable.
import type { CallAttempt } from '../../../shared/failover'
import type { GenerateResult, ProviderName, StreamEvent, Usage } from '../../../shared/llm'
import type { HandlerClass } from '../../../shared/resolution'
import type { ProviderClient, ProviderModel, ProviderRequest } from '../providers/types'
import type { Clock, EndpointState, Ticket } from '../resilience'
import { checkJson, computeTimings } from './answer-checks'
import { attemptFrom, NotSentError, RoutedError } from './attempts'
import type { CallPolicy } from './call-policy'
import { CallSignal, retryDelay } from './call-policy'
import { estimateTokens, waitAtGate } from './call-gate'
import { providerRequest } from './provider-request'
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

/** The options of a call given none: one shared, frozen object instead of a new `{}` per call. */
const NO_OPTIONS: CallOptions = Object.freeze({})

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

  generateText(prompt: string, options: CallOptions = NO_OPTIONS): Promise<string> {
    // One URL: the text straight from the call (no result, timings or extra promise to build).
    if (this.endpoints.length === 1) {
      return this.generateAt(this.endpoints[0]!, prompt, options, answerText)
    }
    return this.generateWithFallbackUrl(prompt, options).then(textOf)
  }

  generate(prompt: string, options: CallOptions = NO_OPTIONS): Promise<GenerateResult> {
    // One URL: its call as it is (an async step around it would cost every call a promise more).
    if (this.endpoints.length === 1) {
      return this.generateAt(this.endpoints[0]!, prompt, options, this.resultOf)
    }
    return this.generateWithFallbackUrl(prompt, options)
  }

  private async generateWithFallbackUrl(
    prompt: string,
    options: CallOptions,
  ): Promise<GenerateResult> {
    const attempts: CallAttempt[] = []
    for (let i = 0; ; i++) {
      const endpoint = this.endpoints[i]!
      const started = this.policy.now()
      try {
        const result = await this.generateAt(endpoint, prompt, options, this.resultOf)
        return attempts.length > 0 ? { ...result, attempts } : result
      } catch (err) {
        this.recordOrThrow(err, i, attempts, started, options)
      }
    }
  }

  streamText(prompt: string, options: CallOptions = NO_OPTIONS): AsyncIterable<StreamEvent> {
    // One URL: its stream as it is (a generator around it would cost every delta a step more).
    if (this.endpoints.length === 1) return this.streamAt(this.endpoints[0]!, prompt, options)
    return this.streamWithFallbackUrl(prompt, options)
  }

  private async *streamWithFallbackUrl(
    prompt: string,
    options: CallOptions,
  ): AsyncIterable<StreamEvent> {
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
    const call = CallSignal.of(signal, this.policy.timeoutMs)
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

  /** One call at one URL: the gate, the request and its retries; `finish` shapes what the caller gets. */
  private async generateAt<T>(
    endpoint: HandlerEndpoint,
    prompt: string,
    options: CallOptions,
    finish: Finish<T>,
  ): Promise<T> {
    const context = { provider: this.providerName, model: options.model ?? this.modelNameForApi }
    const call = CallSignal.of(options.signal, this.policy.timeoutMs)
    const request = providerRequest(prompt, options, call.signal, context.model)
    const gate = this.gate(endpoint, request, options, call, context)
    const ticket = gate instanceof Promise ? await gate : gate
    const started = this.policy.now()
    let answer: Answer
    try {
      answer = await endpoint.client.generate(request)
    } catch (err) {
      answer = await this.retryGenerate(endpoint, request, call, err, context, options)
    }
    call.dispose()
    endpoint.state.succeeded(ticket, this.clock.now(), totalTokens(answer.usage))
    checkJson(answer.text, options, context)
    return finish(answer, endpoint, context, ticket.queuedMs, started)
  }

  /** The whole result: usage, timings, who answered (and at which URL when there are several). */
  private readonly resultOf: Finish<GenerateResult> = (
    answer,
    endpoint,
    context,
    queuedMs,
    started,
  ) => {
    const totalMs = this.policy.now() - started
    const result: GenerateResult = {
      text: answer.text,
      usage: answer.usage,
      timings: computeTimings(totalMs, totalMs, answer.usage, queuedMs),
      provider: context.provider,
      model: context.model,
    }
    if (this.endpoints.length > 1) result.baseUrl = endpoint.baseUrl
    return result
  }

  /** After a first attempt failed: backs off and tries again while the policy allows, else throws. */
  private async retryGenerate(
    endpoint: HandlerEndpoint,
    request: ProviderRequest,
    call: CallSignal,
    firstError: unknown,
    context: Context,
    options: CallOptions,
  ): Promise<Answer> {
    let err = firstError
    try {
      for (let attempt = 0; ; attempt++) {
        await this.backoffOrThrow(call, err, attempt, context, options)
        try {
          return await endpoint.client.generate(request)
        } catch (next) {
          err = next
        }
      }
    } catch (failure) {
      call.dispose()
      endpoint.state.failed(this.clock.now(), call.toLlmError(failure, context))
      throw failure
    }
  }

  private async *streamAt(
    endpoint: HandlerEndpoint,
    prompt: string,
    options: CallOptions,
  ): AsyncIterable<StreamEvent> {
    const context = { provider: this.providerName, model: options.model ?? this.modelNameForApi }
    const call = CallSignal.of(options.signal, this.policy.timeoutMs)
    const request = providerRequest(prompt, options, call.signal, context.model)
    let firstTokenAt: number | undefined
    let text = ''
    let usage: Usage = {}
    const gate = this.gate(endpoint, request, options, call, context)
    const ticket = gate instanceof Promise ? await gate : gate
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
            yield chunk // a delta chunk is the delta event itself
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
      endpoint.state.succeeded(ticket, this.clock.now(), totalTokens(usage))
      checkJson(text, options, context)
      const timings = computeTimings(
        (firstTokenAt ?? end) - started,
        end - started,
        usage,
        ticket.queuedMs,
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
  ): Ticket | Promise<Ticket> {
    const tokens = estimateTokens(request.system, request.messages)
    const { state } = endpoint
    const now = this.clock.now()
    // The common case: nothing limits this endpoint now, so the call goes at once.
    const ticket = options.ignoreHealth ? state.admit(now, tokens) : state.admitNow(now, tokens)
    if (ticket !== undefined) return ticket
    const fail = (err: unknown): never => {
      call.dispose()
      throw call.toLlmError(err, context)
    }
    return waitAtGate(state, this.clock, tokens, {
      maxQueueWaitMs: options.maxQueueWaitMs ?? this.policy.maxRetryWaitMs,
      sleep: this.policy.sleep,
      signal: call.signal,
      context,
    }).catch(fail)
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
    const wait = call.aborted ? undefined : retryDelay(error, attempt, policy)
    if (wait === undefined) throw error
    try {
      await this.policy.sleep(wait, call.signal)
    } catch (abortErr) {
      throw call.toLlmError(abortErr, context)
    }
  }
}

/** A provider's answer to one request. */
type Answer = { text: string; usage: Usage }

/** Shapes a finished call for its caller (`started`: when the request went out, policy clock). */
type Finish<T> = (
  answer: Answer,
  endpoint: HandlerEndpoint,
  context: Context,
  queuedMs: number,
  started: number,
) => T

function answerText(answer: Answer): string {
  return answer.text
}

function textOf(result: GenerateResult): string {
  return result.text
}

function totalTokens(usage: Usage): number | undefined {
  const { promptTokens, completionTokens } = usage
  if (promptTokens === undefined && completionTokens === undefined) return undefined
  return (promptTokens ?? 0) + (completionTokens ?? 0)
}
