// An in-process AppApi with canned answers, for component tests and UI work without a backend.
import type {
  Channel,
  EventName,
  EventPayload,
  MethodOutput,
  MethodParsedInput,
} from '../../shared/contract'
import { createApiMethods, methods } from '../../shared/contract'
import type { Provenance, ProvenanceStep } from '../../shared/llm'
import { builtInProvider } from '../../shared/providers'
import type { ResolutionView } from '../../shared/resolution'
import type { AppApi } from './app-api'
import { AppError } from './app-api'
import { FAKE_STUDIO_HANDLERS } from './fake-studio'

export type FakeHandlers = {
  [C in Channel]: (input: MethodParsedInput<C>) => Promise<MethodOutput<C>>
}

export type FakeAppApi = AppApi & {
  /** Pushes an event to subscribers, as main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Every call made, in order. */
  readonly calls: { channel: Channel; input: unknown }[]
}

const builtIn = (key: string): Provenance => ({ layer: 'default', key, origin: 'built-in' })
const won = (source: Provenance, value: string | null): ProvenanceStep[] => [
  { ...source, status: 'won', ...(value === null ? {} : { value }) },
]

export function fakeResolution(args: MethodParsedInput<'factory:resolve'> = {}): ResolutionView {
  const descriptor = builtInProvider(args.provider ?? 'ollama') ?? builtInProvider('ollama')!
  const provider = descriptor.name
  const model = args.model ?? descriptor.defaultModel
  const baseUrl = descriptor.defaultBaseUrl
  const sources = {
    provider: builtIn('default provider'),
    model: builtIn('default model'),
    apiKey: builtIn('api key'),
    baseUrl: builtIn('base url'),
  }
  return {
    provider,
    displayName: descriptor.displayName,
    protocol: descriptor.protocol,
    model,
    apiKey: null,
    baseUrl,
    handler: 'OllamaHandler',
    fallbackReason: null,
    sources,
    chains: {
      provider: won(sources.provider, provider),
      model: won(sources.model, model),
      apiKey: won(sources.apiKey, null),
      baseUrl: won(sources.baseUrl, baseUrl),
    },
    skipped: [],
    warnings: [],
  }
}

/** Canned answers; a method without one rejects, so a new contract entry needs no edit here. */
export const DEFAULT_FAKE_HANDLERS: Partial<FakeHandlers> = {
  'app:info': () =>
    Promise.resolve({ workspace: '/home/you/mindx', version: '0.0.0-fake', transport: 'fake' }),
  'factory:resolve': (args) => Promise.resolve(fakeResolution(args)),
  'ollama:status': () =>
    Promise.resolve({ reachable: true, baseUrl: 'http://localhost:11434', version: '0.6.0' }),
  'workspace:list': () =>
    Promise.resolve({ current: '/home/you/mindx', recent: [], allowedRoots: ['/home/you/mindx'] }),
  'presets:list': () => Promise.resolve([]),
  ...FAKE_STUDIO_HANDLERS,
}

export function createFakeAppApi(overrides: Partial<FakeHandlers> = {}): FakeAppApi {
  const handlers: Partial<FakeHandlers> = { ...DEFAULT_FAKE_HANDLERS, ...overrides }
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: { channel: Channel; input: unknown }[] = []
  const apiMethods = createApiMethods(async (channel, input) => {
    calls.push({ channel, input })
    // Validate like main does, so a component sending a bad shape fails here too.
    const parsed = methods[channel].input.safeParse(input ?? {})
    if (!parsed.success)
      throw new AppError({ code: 'invalid_input', message: parsed.error.message })
    const handler = handlers[channel] as ((input: unknown) => Promise<unknown>) | undefined
    if (!handler) {
      throw new AppError({
        code: 'internal',
        message: `The fake AppApi has no answer for ${channel}.`,
      })
    }
    return handler(parsed.data)
  })
  return {
    ...apiMethods,
    transport: 'fake',
    calls,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      const untyped = listener as (payload: unknown) => void
      set.add(untyped)
      listeners.set(event, set)
      return () => void set.delete(untyped)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
}
