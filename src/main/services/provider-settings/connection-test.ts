// Test connection: a tiny real call (list models) through the factory, as success with latency or a next step.
import { LlmError } from '../../../shared/llm'
import type { LlmErrorCode, ProviderName } from '../../../shared/llm'
import type { ConnectionTestResult } from '../../../shared/studio-config'
import type { LlmFactory, TrialHandlerArgs } from '../factory'

/** What a form holds but has not saved: tested as typed, written nowhere. */
export type UnsavedSettings = Omit<TrialHandlerArgs, 'provider'>

export interface ConnectionTestOptions {
  timeoutMs?: number
  now?: () => number
  /** Test these instead of (on top of) the saved settings. */
  unsaved?: UnsavedSettings
}

const MAX_MODELS = 200

export async function testProviderConnection(
  factory: LlmFactory,
  provider: ProviderName,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  const now = options.now ?? (() => performance.now())
  const { unsaved } = options
  const { headers: _headers, removeHeaders: _removed, ...fields } = unsaved ?? {}
  const resolution = await factory.resolve({ ...fields, provider })
  const model = resolution.model.value
  const baseUrl = resolution.baseUrl.value
  const started = now()
  try {
    const handler = unsaved
      ? await factory.trialHandler({ ...unsaved, provider })
      : await factory.createLlmHandler({ provider })
    const listed = await handler.listModels(AbortSignal.timeout(options.timeoutMs ?? 10_000))
    const models = listed.map((m) => m.name)
    return {
      ok: true,
      provider,
      model,
      latencyMs: Math.round(now() - started),
      models: models.slice(0, MAX_MODELS),
      modelListed: models.some((name) => sameModel(name, model)),
    }
  } catch (error) {
    const llm = error instanceof LlmError ? error : undefined
    const code = llm?.code ?? (isTimeout(error) ? 'timeout' : 'internal')
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      provider,
      model,
      code,
      message,
      nextStep: nextStepFor(code, provider, baseUrl, llm?.retryAfterMs),
      ...(llm?.retryAfterMs === undefined ? {} : { retryAfterMs: llm.retryAfterMs }),
    }
  }
}

/** Ollama lists `phi3:mini` for `phi3:mini`, and `llama3:latest` for `llama3`; Gemini prefixes `models/`. */
function sameModel(listed: string, wanted: string): boolean {
  const strip = (name: string) => name.replace(/^models\//, '').replace(/:latest$/, '')
  return strip(listed) === strip(wanted)
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

export function nextStepFor(
  code: LlmErrorCode | 'internal',
  provider: ProviderName,
  baseUrl: string | null,
  retryAfterMs?: number,
): string {
  const where = baseUrl ?? `the ${provider} SDK's default URL`
  switch (code) {
    case 'auth':
      return `The key was rejected by ${provider}. Paste a valid API key and save it, then test again.`
    case 'unreachable':
      return provider === 'ollama'
        ? `Is \`ollama serve\` running at ${where}? Start it or fix the base URL.`
        : `Nothing answered at ${where}. Check the base URL and your network.`
    case 'rate_limit':
      return retryAfterMs === undefined
        ? `${provider} is rate limiting this key. Wait a moment and retry.`
        : `${provider} is rate limiting this key. Retry in ${Math.ceil(retryAfterMs / 1000)} s.`
    case 'model_not_found':
      return 'The server does not know this model. Pick one it lists.'
    case 'timeout':
      return `No answer from ${where} in time. Check the base URL, or raise llm.${provider}.timeout.`
    case 'bad_request':
      return 'The server refused the request. Check the base URL points at the right API.'
    default:
      return 'See the message above; the app log has details.'
  }
}
