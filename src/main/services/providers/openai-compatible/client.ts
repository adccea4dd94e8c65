// The OpenAI-compatible ProviderClient: chat completions (JSON and SSE) and the model list, through openai.
import type OpenAI from 'openai'
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions'
import type { CompletionUsage } from 'openai/resources/completions'
import type { LlmError, Usage } from '../../../../shared/llm'
import { ProviderErrors, type ProviderErrorContext } from '../http-errors'
import type { StainlessErrorClasses } from '../stainless-errors'
import type { ProviderChunk, ProviderClient, ProviderModel, ProviderRequest } from '../types'
import { sdkOptions, turnsWithSystem } from '../types'
import type { FailedResponseBodies } from './failed-bodies'
import { mapOpenAiError } from './map-error'

/** Who this client speaks for, as error messages name it. */
export type OpenAiEndpoint = Omit<ProviderErrorContext, 'model'>

function toUsage(usage: CompletionUsage): Usage {
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens }
}

export function openAiChatBody(
  request: ProviderRequest,
  provider: string,
): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: turnsWithSystem(request),
  }
  // OpenAI's own reasoning models refuse max_tokens; most compatible servers know only max_tokens.
  if (request.maxTokens !== undefined) {
    if (provider === 'openai') body.max_completion_tokens = request.maxTokens
    else body.max_tokens = request.maxTokens
  }
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.jsonMode) body.response_format = { type: 'json_object' }
  return body
}

/** OpenRouter lists a human name beside each id; OpenAI and vLLM do not. */
function displayNameOf(model: object): string | undefined {
  const name = (model as { name?: unknown }).name
  return typeof name === 'string' && name !== '' ? name : undefined
}

export class OpenAiCompatibleClient implements ProviderClient {
  readonly provider: string

  constructor(
    private readonly client: OpenAI,
    private readonly sdkErrors: StainlessErrorClasses,
    private readonly bodies: FailedResponseBodies,
    private readonly endpoint: OpenAiEndpoint,
  ) {
    this.provider = endpoint.provider
  }

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    try {
      const completion = await this.client.chat.completions.create(
        openAiChatBody(request, this.provider),
        sdkOptions(request),
      )
      const text = completion.choices[0]?.message.content ?? ''
      return { text, usage: completion.usage ? toUsage(completion.usage) : {} }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    let usage: CompletionUsage | undefined
    try {
      const body = {
        ...openAiChatBody(request, this.provider),
        stream: true as const,
        // Without it the stream carries no token counts; the last chunk (empty choices) brings them.
        stream_options: { include_usage: true },
      }
      const chunks = await this.client.chat.completions.create(body, sdkOptions(request))
      for await (const chunk of chunks) {
        const text = chunk.choices[0]?.delta?.content
        if (text) yield { type: 'delta', text }
        usage = chunk.usage ?? usage
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
    // The SDK ends a stream quietly when its signal aborts; a stopped answer must not look complete.
    const { signal } = request
    if (signal?.aborted) throw this.errors(request.model).aborted(signal.reason)
    if (usage) yield { type: 'usage', usage: toUsage(usage) }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    try {
      const page = await this.client.models.list({ signal })
      return page.data.map((model) => ({ name: model.id, displayName: displayNameOf(model) }))
    } catch (error) {
      throw this.toLlmError(error, undefined, signal)
    }
  }

  private errors(model: string | undefined): ProviderErrors {
    return new ProviderErrors({ ...this.endpoint, model })
  }

  private toLlmError(error: unknown, model: string | undefined, signal?: AbortSignal): LlmError {
    return mapOpenAiError(error, this.errors(model), this.sdkErrors, this.bodies, signal)
  }
}
