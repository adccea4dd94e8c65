// Failover wraps handlers: walks a chain of provider[/model] entries until one answers, recording attempts.
import type { CallAttempt, NotSentReason } from '../../../shared/failover'
import { formatRoute, parseChainEntry } from '../../../shared/failover'
import { noHandlerReason } from '../../../shared/providers'
import type {
  GenerateOptions,
  GenerateResult,
  LlmErrorCode,
  StreamEvent,
} from '../../../shared/llm'
import { LlmError } from '../../../shared/llm'
import type { WorkspaceConfig } from '../config/types'
import type { ProviderRegistry } from '../providers/registry'
import type { FailoverSettings } from '../resilience'
import { readFailoverSettings } from '../resilience'
import { attemptFrom, attemptsOf, RoutedError, skippedAttempt } from './attempts'
import { providerHasHandler, providerNeedsKey } from './chain-providers'
import { handlerBaseUrls } from './fallback-url'
import type { CallOptions, HandlerArgs, LlmHandler, Resolution } from './types'

export interface FailoverOptions extends GenerateOptions {
  /** `provider[/model]` entries; default: `default_provider_preference_order` (else the default provider). */
  chain?: readonly string[]
  /** On `auth` (a key set but refused): stop and say so (default), or move on. */
  onAuth?: 'stop' | 'next'
  /** A retry-after longer than this moves on instead of waiting (default 10 s). */
  rateLimitWaitMs?: number
}

export interface FailoverResult extends GenerateResult {
  /** The base URL that answered. */
  baseUrl: string | null
  /** Entries that did not answer, in order. */
  attempts: CallAttempt[]
}

/** One chain entry as the walk will treat it: sent to, or passed over with a reason. */
export interface PlannedEntry {
  provider: string
  model: string | null
  /** The resolved base URL, then Ollama's fallback_url when there is one. */
  baseUrls: (string | null)[]
  skip?: { notSent: NotSentReason; message: string }
}

interface Walk {
  entries: PlannedEntry[]
  settings: FailoverSettings
  handlerOf: (entry: PlannedEntry) => Promise<LlmHandler>
}

export interface FailoverDeps {
  workspace: () => Promise<{ ws: WorkspaceConfig; registry: ProviderRegistry }>
  resolve: (args: HandlerArgs) => Promise<Resolution>
  createLlmHandler: (args: HandlerArgs) => Promise<LlmHandler>
  now?: () => number
}

export function createFailover(deps: FailoverDeps) {
  const now = deps.now ?? (() => performance.now())

  /**
   * Plans (and the handlers they lead to) per chain, for as long as the factory keeps its loaded
   * workspace: a failover call then costs what a direct one does, plus the entries it walks.
   */
  const plans = new WeakMap<object, Map<string, Promise<Walk>>>()

  const walk = async (chain?: readonly string[]): Promise<Walk> => {
    const loaded = await deps.workspace()
    let byChain = plans.get(loaded)
    if (!byChain) plans.set(loaded, (byChain = new Map<string, Promise<Walk>>()))
    const key = (chain ?? []).join('\n')
    let planned = byChain.get(key)
    if (!planned) {
      planned = planWalk(loaded, chain)
      byChain.set(key, planned)
      planned.catch(() => byChain.delete(key))
    }
    return planned
  }

  const planWalk = async (
    { ws, registry }: { ws: WorkspaceConfig; registry: ProviderRegistry },
    chain?: readonly string[],
  ): Promise<Walk> => {
    const names = chain?.length ? chain : await defaultChain(ws, deps.resolve)
    const entries = await Promise.all(
      names.map((name) => planEntry(ws, registry, name, deps.resolve)),
    )
    const handlers = new Map<PlannedEntry, Promise<LlmHandler>>()
    const handlerOf = (entry: PlannedEntry) => {
      let handler = handlers.get(entry)
      if (!handler) {
        handler = deps.createLlmHandler(argsOf(entry))
        handlers.set(entry, handler)
        handler.catch(() => handlers.delete(entry))
      }
      return handler
    }
    return { entries, settings: readFailoverSettings(ws), handlerOf }
  }

  const plan = async (chain?: readonly string[]) => (await walk(chain)).entries

  const prepare = async (options: FailoverOptions) => {
    const { entries, settings: configured, handlerOf } = await walk(options.chain)
    const settings: FailoverSettings = {
      ...configured,
      ...(options.onAuth ? { onAuth: options.onAuth } : {}),
      ...(options.rateLimitWaitMs === undefined
        ? {}
        : { rateLimitWaitMs: options.rateLimitWaitMs }),
    }
    const { chain: _chain, onAuth: _onAuth, rateLimitWaitMs: _wait, ...generate } = options
    return { entries, settings, generate, handlerOf }
  }

  const callOptions = (generate: GenerateOptions, entry: PlannedEntry, s: FailoverSettings) =>
    ({
      ...generate,
      ...(entry.model === null ? {} : { model: entry.model }),
      maxRetryWaitMs: s.rateLimitWaitMs,
      maxQueueWaitMs: 0,
    }) satisfies CallOptions

  /** Records a failed entry; throws when the chain must stop here. */
  const recordFailure = (
    err: unknown,
    entry: PlannedEntry,
    started: number,
    attempts: CallAttempt[],
    settings: FailoverSettings,
  ) => {
    const error = toLlmError(err, entry)
    const inner = attemptsOf(err)
    const baseUrl = entry.baseUrls[Math.min(inner.length, entry.baseUrls.length - 1)] ?? null
    attempts.push(
      ...inner,
      attemptFrom(error, { ...target(entry), baseUrl }, now() - started - sumMs(inner)),
    )
    if (movesOn(error, settings)) return
    if (error.code === 'auth') {
      const message = `${entry.provider} refused its API key: fix the key (Providers screen, or ${entry.provider}_settings_for_factory.api_key_override), or set failover.on_auth to "next" to move on past it. (${error.message})`
      throw new RoutedError(error, attempts, message)
    }
    throw new RoutedError(error, attempts)
  }

  /** Fails over only before the first token: after it, an error ends the answer. */
  async function* stream(
    prompt: string,
    options: FailoverOptions = {},
  ): AsyncIterable<StreamEvent> {
    const { entries, settings, generate, handlerOf } = await prepare(options)
    const attempts: CallAttempt[] = []
    for (const entry of entries) {
      if (entry.skip) {
        attempts.push(skippedAttempt(target(entry), entry.skip.notSent, entry.skip.message))
        continue
      }
      const started = now()
      let iterator: AsyncIterator<StreamEvent>
      let first: IteratorResult<StreamEvent>
      try {
        const handler = await handlerOf(entry)
        const events = handler.streamText(prompt, callOptions(generate, entry, settings))
        iterator = events[Symbol.asyncIterator]()
        first = await iterator.next()
      } catch (err) {
        recordFailure(err, entry, started, attempts, settings)
        continue
      }
      try {
        for (let step = first; !step.done; step = await iterator.next()) {
          const event = step.value
          if (event.type === 'delta') {
            yield event
            continue
          }
          yield {
            ...event,
            baseUrl: event.baseUrl ?? entry.baseUrls[0] ?? null,
            attempts: [...attempts, ...(event.attempts ?? [])],
          }
        }
      } catch (err) {
        const error = toLlmError(err, entry)
        const ms = now() - started
        const failed = attemptFrom(
          error,
          { ...target(entry), baseUrl: entry.baseUrls[0] ?? null },
          ms,
        )
        throw new RoutedError(error, [...attempts, ...attemptsOf(err), failed])
      } finally {
        await iterator.return?.()
      }
      return
    }
    throw allFailed(attempts)
  }

  return {
    plan,

    generate: async (prompt: string, options: FailoverOptions = {}): Promise<FailoverResult> => {
      const { entries, settings, generate, handlerOf } = await prepare(options)
      const attempts: CallAttempt[] = []
      for (const entry of entries) {
        if (entry.skip) {
          attempts.push(skippedAttempt(target(entry), entry.skip.notSent, entry.skip.message))
          continue
        }
        const started = now()
        try {
          const handler = await handlerOf(entry)
          const result = await handler.generate(prompt, callOptions(generate, entry, settings))
          return {
            ...result,
            baseUrl: result.baseUrl ?? entry.baseUrls[0] ?? null,
            attempts: [...attempts, ...(result.attempts ?? [])],
          }
        } catch (err) {
          recordFailure(err, entry, started, attempts, settings)
        }
      }
      throw allFailed(attempts)
    },

    stream,
  }
}

export type Failover = ReturnType<typeof createFailover>

async function defaultChain(
  ws: WorkspaceConfig,
  resolve: FailoverDeps['resolve'],
): Promise<string[]> {
  const order = ws.factory.data.default_provider_preference_order ?? []
  if (order.length > 0) return order.map((name) => name.trim().toLowerCase())
  return [(await resolve({})).provider.value]
}

async function planEntry(
  ws: WorkspaceConfig,
  registry: ProviderRegistry,
  text: string,
  resolve: FailoverDeps['resolve'],
): Promise<PlannedEntry> {
  const { provider, model } = parseChainEntry(text)
  if (!providerHasHandler(registry, provider)) {
    const message = noHandlerReason(provider)
    return {
      provider,
      model: model ?? null,
      baseUrls: [null],
      skip: { notSent: 'no_handler', message },
    }
  }
  const resolution = await resolve({ provider, ...(model ? { model } : {}) })
  const entry: PlannedEntry = {
    provider,
    model: resolution.model.value,
    baseUrls: handlerBaseUrls(ws, resolution),
  }
  if (providerNeedsKey(registry, provider) && resolution.apiKey.value === null) {
    const message = `${provider}: no API key is set, so it was not asked`
    return { ...entry, skip: { notSent: 'no_key', message } }
  }
  return entry
}

function argsOf(entry: PlannedEntry): HandlerArgs {
  return { provider: entry.provider, ...(entry.model === null ? {} : { model: entry.model }) }
}

function target(entry: PlannedEntry) {
  return { provider: entry.provider, model: entry.model, baseUrl: entry.baseUrls[0] ?? null }
}

function sumMs(attempts: readonly CallAttempt[]): number {
  return attempts.reduce((sum, a) => sum + a.ms, 0)
}

function toLlmError(err: unknown, entry: PlannedEntry): LlmError {
  if (err instanceof LlmError) return err
  const message = err instanceof Error ? err.message : String(err)
  return new LlmError({ code: 'provider', message, provider: entry.provider }, { cause: err })
}

/** Moves on for trouble with this provider; never for the request's own fault or the user's Stop. */
export function movesOn(error: LlmError, settings: Pick<FailoverSettings, 'onAuth'>): boolean {
  switch (error.code) {
    case 'unreachable':
    case 'timeout':
    case 'rate_limit':
    case 'model_not_found':
      return true
    case 'provider':
      return error.status === undefined || error.status >= 500
    case 'auth':
      return settings.onAuth === 'next'
    default:
      return false
  }
}

function allFailed(attempts: CallAttempt[]): RoutedError {
  const sent = attempts.filter((a) => a.notSent !== 'no_handler' && a.notSent !== 'no_key')
  const code: LlmErrorCode =
    sent.at(-1)?.code ?? (attempts.some((a) => a.notSent === 'no_key') ? 'auth' : 'bad_request')
  const route = attempts.length > 0 ? formatRoute(attempts) : 'the chain is empty'
  const error = new LlmError({
    code,
    message: `No entry of the failover chain answered: ${route}.`,
  })
  return new RoutedError(error, attempts)
}
