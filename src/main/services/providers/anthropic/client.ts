// The Anthropic ProviderClient: the Messages API (JSON and typed SSE events) and the model list.
import type Anthropic from '@anthropic-ai/sdk'
import type {
  Message,
  MessageCreateParamsNonStreaming,
} from '@anthropic-ai/sdk/resources/messages/messages'
import type { LlmError, Usage } from '../../../../shared/llm'
import { ProviderErrors, type ProviderErrorContext } from '../http-errors'
import type { StainlessErrorClasses } from '../stainless-errors'
import type { ProviderChunk, ProviderClient, ProviderModel, ProviderRequest } from '../types'
import { mapAnthropicError } from './map-error'

/** The Messages API requires max_tokens; this is sent when the request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024

/**
 * Anthropic has no JSON mode: the system prompt asks for it, and the factory checks the answer
 * (invalid_json) as it does for every provider.
 */
export const JSON_INSTRUCTION =
  'Answer with one valid JSON object and nothing else: no prose, no Markdown code fences.'

export type AnthropicEndpoint = Omit<ProviderErrorContext, 'model'>

export function anthropicMessageBody(request: ProviderRequest): MessageCreateParamsNonStreaming {
  const system = request.jsonMode
    ? [request.system, JSON_INSTRUCTION].filter(Boolean).join('\n\n')
    : request.system
  return {
    model: request.model,
    max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: request.messages.map((message) => ({ ...message })),
    ...(system ? { system } : {}),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
  }
}

function textOf(message: Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('')
}

export class AnthropicProviderClient implements ProviderClient {
  readonly provider: string

  constructor(
    private readonly client: Anthropic,
    private readonly sdkErrors: StainlessErrorClasses,
    private readonly endpoint: AnthropicEndpoint,
  ) {
    this.provider = endpoint.provider
  }

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    try {
      const message = await this.client.messages.create(anthropicMessageBody(request), {
        signal: request.signal,
      })
      const { input_tokens, output_tokens } = message.usage
      return {
        text: textOf(message),
        usage: { promptTokens: input_tokens, completionTokens: output_tokens },
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    const usage: Usage = {}
    try {
      const body = { ...anthropicMessageBody(request), stream: true as const }
      const events = await this.client.messages.create(body, { signal: request.signal })
      for await (const event of events) {
        switch (event.type) {
          case 'message_start':
            usage.promptTokens = event.message.usage.input_tokens
            break
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text) {
              yield { type: 'delta', text: event.delta.text }
            }
            break
          case 'message_delta':
            // Cumulative counts: the last message_delta holds the totals.
            usage.completionTokens = event.usage.output_tokens
            usage.promptTokens = event.usage.input_tokens ?? usage.promptTokens
            break
        }
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
    // The SDK ends a stream quietly when its signal aborts; a stopped answer must not look complete.
    if (request.signal?.aborted) throw this.errors(request.model).aborted(request.signal.reason)
    if (usage.promptTokens !== undefined || usage.completionTokens !== undefined) {
      yield { type: 'usage', usage }
    }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    try {
      const models: ProviderModel[] = []
      // Iterating the page follows has_more/last_id through every page.
      for await (const model of this.client.models.list({ limit: 1000 }, { signal })) {
        models.push({ name: model.id, displayName: model.display_name })
      }
      return models
    } catch (error) {
      throw this.toLlmError(error, undefined, signal)
    }
  }

  private errors(model: string | undefined): ProviderErrors {
    return new ProviderErrors({ ...this.endpoint, model })
  }

  private toLlmError(error: unknown, model: string | undefined, signal?: AbortSignal): LlmError {
    return mapAnthropicError(error, this.errors(model), this.sdkErrors, signal)
  }
}
