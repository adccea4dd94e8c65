// The Gemini ProviderClient: generateContent, streamGenerateContent (SSE) and the model list.
import type * as GenerativeAi from '@google/generative-ai'
import type { Content, GenerativeModel, UsageMetadata } from '@google/generative-ai'
import type { LlmError, Usage } from '../../../../shared/llm'
import { ProviderErrors } from '../http-errors'
import type { Fetch } from '../provider-fetch'
import { providerFetch } from '../provider-fetch'
import type { ProviderChunk, ProviderClient, ProviderModel, ProviderRequest } from '../types'
import type { GeminiEndpoint } from './base-url'
import { GeminiCall } from './call-capture'
import { listGeminiModels } from './list-models'
import { mapGeminiError } from './map-error'

export type GeminiSdk = typeof GenerativeAi

export interface GeminiClientSettings extends GeminiEndpoint {
  apiKey: string
  headers: Record<string, string>
  /** Injected fetch (tests, proxies); undefined means the global one, looked up per call. */
  fetch?: typeof fetch
  /** As configured, for messages ("not reachable at …"). */
  displayUrl: string
}

function toUsage(metadata: UsageMetadata | undefined): Usage {
  if (!metadata) return {}
  return {
    promptTokens: metadata.promptTokenCount,
    completionTokens: metadata.candidatesTokenCount,
  }
}

/** Gemini names the assistant "model"; the system prompt travels separately (systemInstruction). */
export function geminiContents(request: ProviderRequest): Content[] {
  return request.messages.map((message) => ({
    role: message.role === 'assistant' ? 'model' : 'user',
    parts: [{ text: message.content }],
  }))
}

export class GeminiProviderClient implements ProviderClient {
  readonly provider = 'gemini'
  private readonly genAi: GenerativeAi.GoogleGenerativeAI
  /** What the SDK's calls and the model list send through (redirects refused until one is met). */
  private readonly send: Fetch

  constructor(
    private readonly sdk: GeminiSdk,
    private readonly settings: GeminiClientSettings,
  ) {
    this.genAi = new sdk.GoogleGenerativeAI(settings.apiKey)
    this.send = providerFetch(settings.fetch)
  }

  async generate(request: ProviderRequest): Promise<{ text: string; usage: Usage }> {
    const call = new GeminiCall(this.send)
    try {
      const { response } = await call.run(() =>
        this.model(request).generateContent(
          { contents: geminiContents(request) },
          { signal: request.signal },
        ),
      )
      return { text: response.text(), usage: toUsage(response.usageMetadata) }
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal, call)
    }
  }

  async *stream(request: ProviderRequest): AsyncGenerator<ProviderChunk> {
    // Our own controller as well: the SDK tees the body, so a consumer that stops reading
    // leaves the other branch draining the connection until the fetch itself is aborted.
    const local = new AbortController()
    const signal = request.signal ? AbortSignal.any([request.signal, local.signal]) : local.signal
    let usage: UsageMetadata | undefined
    let finished = false
    const call = new GeminiCall(this.send)
    try {
      const result = await call.run(() =>
        this.model(request).generateContentStream(
          { contents: geminiContents(request) },
          { signal },
        ),
      )
      // The aggregated `response` rejects with every stream error; the iterator reports them here.
      result.response.catch(() => undefined)
      for await (const chunk of result.stream) {
        const text = chunk.text()
        if (text) yield { type: 'delta', text }
        usage = chunk.usageMetadata ?? usage
      }
      finished = true
    } catch (error) {
      throw this.toLlmError(error, request.model, request.signal, call)
    } finally {
      if (!finished) local.abort()
    }
    if (usage) yield { type: 'usage', usage: toUsage(usage) }
  }

  async listModels(signal?: AbortSignal): Promise<ProviderModel[]> {
    const { baseUrl, apiVersion, apiKey, headers } = this.settings
    const fetch = this.send
    const errors = this.errors(undefined)
    try {
      return await listGeminiModels({ baseUrl, apiVersion, apiKey, headers, fetch, errors, signal })
    } catch (error) {
      throw this.toLlmError(error, undefined, signal)
    }
  }

  private model(request: ProviderRequest): GenerativeModel {
    const { baseUrl, apiVersion, headers } = this.settings
    return this.genAi.getGenerativeModel(
      {
        model: request.model,
        systemInstruction: request.system || undefined,
        generationConfig: {
          maxOutputTokens: request.maxTokens,
          temperature: request.temperature,
          ...(request.jsonMode ? { responseMimeType: 'application/json' } : {}),
        },
      },
      { baseUrl, apiVersion, customHeaders: headers },
    )
  }

  private errors(model: string | undefined): ProviderErrors {
    return new ProviderErrors({
      provider: 'gemini',
      service: 'Gemini API',
      model,
      baseUrl: this.settings.displayUrl,
      keyVariable: 'GEMINI_API_KEY',
    })
  }

  private toLlmError(
    error: unknown,
    model: string | undefined,
    signal?: AbortSignal,
    call?: GeminiCall,
  ): LlmError {
    return mapGeminiError(error, this.errors(model), this.sdk, signal, call)
  }
}
