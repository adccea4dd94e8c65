// Local model management over ollama-js: version, list, show, ps, delete, unload and a pull queue.
import { LlmError } from '../../../shared/llm'
import type {
  InstalledOllamaModel,
  OllamaModelDetails,
  RunningOllamaModel,
} from '../../../shared/ollama'
import {
  isoDate,
  loadOllamaSdk,
  mappedStream,
  openCall,
  toProviderModel,
} from '../providers/ollama/client'
import type { OllamaCall, OllamaConnection, OllamaConstructor } from '../providers/ollama/client'
import { mapError } from '../providers/ollama/map-error'
import { PullQueue } from './pull-queue'
import type { PullUpdate } from './pull-queue'

export { PullQueue } from './pull-queue'
export type {
  PullListener,
  PullProgress,
  PullQueueOptions,
  PullRunner,
  PullState,
  PullUpdate,
} from './pull-queue'

export interface OllamaAdminOptions extends OllamaConnection {
  /** Milliseconds clock for pull speeds. */
  now?: () => number
  maxConcurrentPulls?: number
  /** The SDK class; loaded with `import('ollama')` on first use when not given. */
  sdk?: OllamaConstructor
}

export class OllamaAdmin {
  readonly pulls: PullQueue
  private sdk?: Promise<OllamaConstructor>

  constructor(private readonly options: OllamaAdminOptions) {
    if (options.sdk) this.sdk = Promise.resolve(options.sdk)
    this.pulls = new PullQueue((name, signal) => this.pullUpdates(name, signal), {
      maxConcurrent: options.maxConcurrentPulls ?? 2,
      now: options.now,
    })
  }

  async version(): Promise<string> {
    return this.call(undefined, async ({ ollama }) => (await ollama.version()).version)
  }

  async list(): Promise<InstalledOllamaModel[]> {
    return this.call(undefined, async ({ ollama }) => {
      const { models } = await ollama.list()
      return models.map((m) => ({ ...toProviderModel(m), digest: m.digest }))
    })
  }

  async show(name: string): Promise<OllamaModelDetails> {
    return this.call(name, async ({ ollama }) => {
      const info = await ollama.show({ model: name })
      const d = info.details
      return {
        name,
        modelfile: info.modelfile ?? '',
        parameters: info.parameters ?? '',
        template: info.template ?? '',
        license: info.license ?? '',
        system: info.system || undefined,
        details: {
          format: d?.format,
          family: d?.family,
          families: d?.families,
          parameterSize: d?.parameter_size,
          quantization: d?.quantization_level,
        },
        capabilities: info.capabilities ?? [],
      }
    })
  }

  async ps(): Promise<RunningOllamaModel[]> {
    return this.call(undefined, async ({ ollama }) => {
      const { models } = await ollama.ps()
      return models.map((m) => ({
        name: m.name,
        size: m.size,
        sizeVram: m.size_vram,
        expiresAt: isoDate(m.expires_at),
      }))
    })
  }

  async delete(name: string): Promise<void> {
    const call = await this.open()
    try {
      await call.ollama.delete({ model: name })
    } catch (err) {
      const error = mapError(err, call.errorContext(name))
      if (error.code !== 'model_not_found') throw error
      // The generic hint says "pull it", which reads oddly on a delete.
      const message = `Model ${name} is not installed on ${call.errorContext().baseUrl} — nothing to delete.`
      throw new LlmError({ ...error.toJSON(), message }, { cause: err })
    }
  }

  /** Frees the model's memory now (Ollama unloads on `keep_alive: 0`). */
  async unload(name: string): Promise<void> {
    await this.call(name, ({ ollama }) =>
      ollama.generate({ model: name, prompt: '', keep_alive: 0, stream: false }),
    )
  }

  private async open(signal?: AbortSignal): Promise<OllamaCall> {
    this.sdk ??= loadOllamaSdk()
    try {
      return openCall(await this.sdk, this.options, signal)
    } catch (err) {
      const message = `The Ollama SDK (ollama-js) could not be loaded: ${String(err)}`
      throw new LlmError({ code: 'provider', provider: 'ollama', message }, { cause: err })
    }
  }

  private async call<T>(
    model: string | undefined,
    run: (call: OllamaCall) => Promise<T>,
  ): Promise<T> {
    const call = await this.open()
    try {
      return await run(call)
    } catch (err) {
      throw mapError(err, call.errorContext(model))
    }
  }

  private async *pullUpdates(name: string, signal: AbortSignal): AsyncGenerator<PullUpdate> {
    const call = await this.open(signal)
    yield* mappedStream(
      () => call.ollama.pull({ model: name, stream: true }),
      (err) => mapError(err, call.errorContext(name)),
    )
  }
}
