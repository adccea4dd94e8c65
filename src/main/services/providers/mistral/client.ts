// The Mistral ProviderClient: chat.complete / chat.stream and the model list, through @mistralai/mistralai.
import type { Mistral } from '@mistralai/mistralai'
import type {
  ChatCompletionRequest,
  ContentChunk,
  UsageInfo,
} from '@mistralai/mistralai/models/components'
import type { RequestOptions } from '@mistralai/mistralai/lib/sdks'
import type { LlmError, Usage } from '../../../../shared/llm'
import { ProviderErrors, type ProviderErrorContext } from '../http-errors'
import type { ProviderChunk, ProviderClient, ProviderModel, ProviderRequest } from '../types'
import { turnsWithSystem } from '../types'
import { mapMistralError, type MistralErrorClasses } from './map-error'

export type MistralEndpoint = Omit<ProviderErrorContext, 'model'>

function toUsage(usage: UsageInfo): Usage {
  return { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }
}

/** Content arrives as a string, or as chunks of which the text ones make the answer. */
function textOf(content: string | ContentChunk[] | null | undefined): string {
  if (typeof content === 'string') return content
  return (content ?? []).map((chunk) => (chunk.type === 'text' ? chunk.text : '')).join('')
}

export function mistralChatBody(request: ProviderRequest): ChatCompletionRequest {
  return {
    model: request.model,
    messages: turnsWithSystem(request),
    ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.jsonMode ? { responseFormat: { type: 'json_object' } } : {}),
  }
}

export class MistralProviderClient implements ProviderClient {
  readonly provider: string

  constructor(
    private readonly client: Mistral,
    private readonly sdkErrors: MistralErrorClasses,
    private readonly headers: Record<string, string>,
    private readonly endpoint: MistralEndpoint,
  ) {
    this.provider = endpoint.provider
  }

  /** Per call: the signal, the custom headers (the SDK has no default headers), no SDK retries. */
  private options(signal: AbortSignal | undefined): RequestOptions {
    return { ...(signal ? { signal } : {}), headers: this.headers, retries: { strategy: 'none' } }
  }

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    try {
      const response = await this.client.chat.complete(
        mistralChatBody(request),
        this.options(request.signal),
      )
      return {
        text: textOf(response.choices[0]?.message?.content),
        usage: toUsage(response.usage),
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    let usage: UsageInfo | undefined
    try {
      const events = await this.client.chat.stream(
        { ...mistralChatBody(request), stream: true },
        this.options(request.signal),
      )
      for await (const { data: chunk } of events) {
        const text = textOf(chunk.choices[0]?.delta.content)
        if (text) yield { type: 'delta', text }
        usage = chunk.usage ?? usage
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
    if (request.signal?.aborted) throw this.errors(request.model).aborted(request.signal.reason)
    if (usage) yield { type: 'usage', usage: toUsage(usage) }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    try {
      const list = await this.client.models.list(undefined, this.options(signal))
      return (list.data ?? []).flatMap((model) => {
        const card = model as { id?: unknown; capabilities?: { completionChat?: boolean } }
        // Embedding and OCR models cannot answer a chat; listing them would only offer dead choices.
        if (typeof card.id !== 'string' || card.capabilities?.completionChat === false) return []
        return [{ name: card.id }]
      })
    } catch (error) {
      throw this.toLlmError(error, undefined, signal)
    }
  }

  private errors(model: string | undefined): ProviderErrors {
    return new ProviderErrors({ ...this.endpoint, model })
  }

  private toLlmError(error: unknown, model: string | undefined, signal?: AbortSignal): LlmError {
    return mapMistralError(error, this.errors(model), this.sdkErrors, signal)
  }
}
