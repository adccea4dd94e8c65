// The Groq ProviderClient: chat completions (JSON and SSE) and the model list, through groq-sdk.
import type Groq from 'groq-sdk'
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
} from 'groq-sdk/resources/chat/completions'
import type { LlmError, Usage } from '../../../../shared/llm'
import { ProviderErrors } from '../http-errors'
import type { ProviderChunk, ProviderClient, ProviderModel, ProviderRequest } from '../types'
import { sdkOptions, turnsWithSystem } from '../types'
import { mapGroqError, type GroqErrorClasses } from './map-error'

interface GroqUsage {
  prompt_tokens?: number
  completion_tokens?: number
}

function toUsage(usage: GroqUsage): Usage {
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens }
}

/** Groq reports stream usage under `x_groq.usage`; OpenAI-style servers put it at the top level. */
function chunkUsage(chunk: ChatCompletionChunk): GroqUsage | undefined {
  const openAiStyle = (chunk as { usage?: GroqUsage | null }).usage
  return chunk.x_groq?.usage ?? openAiStyle ?? undefined
}

export function groqChatBody(request: ProviderRequest): ChatCompletionCreateParamsNonStreaming {
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: turnsWithSystem(request),
  }
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.jsonMode) body.response_format = { type: 'json_object' }
  return body
}

export class GroqProviderClient implements ProviderClient {
  readonly provider = 'groq'

  constructor(
    private readonly client: Groq,
    private readonly sdkErrors: GroqErrorClasses,
    /** As configured, for messages ("not reachable at …"). */
    private readonly displayUrl: string,
  ) {}

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    try {
      const completion = await this.client.chat.completions.create(
        groqChatBody(request),
        sdkOptions(request),
      )
      const text = completion.choices[0]?.message.content ?? ''
      return { text, usage: completion.usage ? toUsage(completion.usage) : {} }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    let usage: GroqUsage | undefined
    try {
      const body = { ...groqChatBody(request), stream: true as const }
      const chunks = await this.client.chat.completions.create(body, sdkOptions(request))
      for await (const chunk of chunks) {
        const text = chunk.choices[0]?.delta.content
        if (text) yield { type: 'delta', text }
        usage = chunkUsage(chunk) ?? usage
      }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal)
    }
    // groq-sdk ends a stream quietly when its signal aborts; a stopped answer must not look complete.
    const { signal } = request
    if (signal?.aborted) throw this.errors(request.model).aborted(signal.reason)
    if (usage) yield { type: 'usage', usage: toUsage(usage) }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    try {
      const page = await this.client.models.list({ signal })
      return page.data.map((model) => ({ name: model.id }))
    } catch (error) {
      throw this.toLlmError(error, undefined, signal)
    }
  }

  private errors(model: string | undefined): ProviderErrors {
    return new ProviderErrors({
      provider: 'groq',
      service: 'Groq API',
      model,
      baseUrl: this.displayUrl,
      keyVariable: 'GROQ_API_KEY',
    })
  }

  private toLlmError(error: unknown, model: string | undefined, signal?: AbortSignal): LlmError {
    return mapGroqError(error, this.errors(model), this.sdkErrors, signal)
  }
}
