// The one API contract: every method (channel, zod input, output type, error codes) and every event.
import { z } from 'zod'
import { LLM_ERROR_CODES } from './llm'
import type { ResolutionView } from './resolution'
import { benchEvents, benchMethods } from './bench-contract'
import { chatEvents, chatMethods } from './chat-contract'
import { presetMethods } from './presets-contract'
import { deployEvents, deployMethods } from './deploy-contract'
import { studioEvents, studioMethods } from './studio-contract'
import { resilienceMethods } from './resilience-contract'
import { workspaceMethods } from './workspace-contract'
import type {
  InstalledOllamaModel,
  OllamaHosts,
  OllamaModelDetails,
  OllamaPull,
  OllamaPullSuggestion,
  RunningOllamaModel,
} from './ollama'
import { hostInput, modelNameSchema, savedHostSchema } from './ollama'

// ---------------------------------------------------------------------------------------------
// Errors: one shape everywhere, `{code, message}`; never a stack, never a key.

export const APP_ERROR_CODES = [
  ...LLM_ERROR_CODES,
  'invalid_input',
  'unauthorized',
  'forbidden',
  'config_invalid',
  'not_found',
  /** A config path resolves outside the workspace or into `.mindx/`: refused, nothing touched. */
  'path_outside_workspace',
  /** The file system refused a write: read-only, permission denied. */
  'read_only',
  /** Any other file system failure (disk full, a file where a folder should be…). */
  'fs_error',
  /** The save was based on a revision that is no longer the one on disk. */
  'conflict',
  /** A folder to open as a workspace is not one (a file, or no data/config/ nor mindx_config.json). */
  'not_a_workspace',
  /** A workspace outside the folders this server was started to allow (`--allow-root`). */
  'workspace_not_allowed',
  'internal',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/**
 * Codes any call can come back with, whatever the method declares: transport and validation, and
 * the workspace's files (every method reads config; the typed file-system errors say what to do).
 */
export const COMMON_ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'path_outside_workspace',
  'read_only',
  'fs_error',
  'internal',
] as const satisfies readonly AppErrorCode[]

export interface AppErrorData {
  code: AppErrorCode
  message: string
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value)
}

/** What every transport carries back for a call: the value, or the error shape. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

// ---------------------------------------------------------------------------------------------
// Output and event payload types (plain data: they cross IPC, HTTP and SSE as JSON).

export type Transport = 'electron' | 'web' | 'fake'

export interface AppInfo {
  /** Absolute path of the open workspace. */
  workspace: string
  version: string
  transport: Transport
}

export interface OllamaStatus {
  reachable: boolean
  baseUrl: string
  version?: string
  /** What went wrong and what to do next, when not reachable. */
  message?: string
  /** Set when the configured URL is down and `llm.ollama.fallback_url` answered instead. */
  viaFallback?: { configured: string }
}

// ---------------------------------------------------------------------------------------------
// Building blocks for entries.

/** A type-only marker: carries a method's output or an event's payload type, holds nothing. */
export interface TypeTag<T> {
  readonly __type?: T
}
function returns<T>(): TypeTag<T> {
  return {}
}
const payload = returns

interface MethodSpec<I extends z.ZodType, O, E extends AppErrorCode> {
  summary: string
  input: I
  output: TypeTag<O>
  /** Codes beyond COMMON_ERROR_CODES that this method can return. */
  errors: readonly E[]
}
type AnyMethodSpec = MethodSpec<z.ZodType, unknown, AppErrorCode>

/** Optional free text from a form: blank means "not set". */
const optionalText = z
  .string()
  .max(4096)
  .transform((value) => (value.trim() === '' ? undefined : value))
  .optional()

const noInput = z.strictObject({})

// ---------------------------------------------------------------------------------------------
// The methods. Channel = `domain:verb` (verb a JS identifier); the renderer calls
// `api.<domain>.<verb>(input)`. Adding a method: one entry here plus its handler in src/main/api.

export const methods = {
  'app:info': {
    summary: 'The open workspace, the app version and the transport in use.',
    input: noInput,
    output: returns<AppInfo>(),
    errors: [],
  },
  'factory:resolve': {
    summary: 'What createLlmHandler would use for these arguments, with provenance (keys masked).',
    input: z.strictObject({
      provider: optionalText,
      model: optionalText,
      apiKey: optionalText,
      baseUrl: optionalText,
    }),
    output: returns<ResolutionView>(),
    errors: ['config_invalid'],
  },
  'ollama:status': {
    summary: "Whether the workspace's Ollama server (or `host`) answers, and its version.",
    input: z.strictObject(hostInput),
    output: returns<OllamaStatus>(),
    errors: ['config_invalid'],
  },
  // Local models: every call takes an optional `host`; without it, the configured Ollama.
  'ollama:pull': {
    summary: 'Queues a pull (at most 2 at once per host); progress arrives as ollama:pullProgress.',
    input: z.strictObject({ ...hostInput, name: modelNameSchema }),
    output: returns<{ id: string }>(),
    errors: ['config_invalid'],
  },
  'ollama:cancelPull': {
    summary: 'Cancels a queued pull or aborts a running one; false when it had already finished.',
    input: z.strictObject({ ...hostInput, id: z.string().min(1).max(100) }),
    output: returns<{ cancelled: boolean }>(),
    errors: ['config_invalid'],
  },
  'ollama:pulls': {
    summary: "The host's pulls (queued, running and finished), oldest first.",
    input: z.strictObject(hostInput),
    output: returns<OllamaPull[]>(),
    errors: ['config_invalid'],
  },
  'ollama:clearPulls': {
    summary: "Forgets the host's finished pulls; returns what is left.",
    input: z.strictObject(hostInput),
    output: returns<OllamaPull[]>(),
    errors: ['config_invalid'],
  },
  'ollama:list': {
    summary: 'The models installed on the host.',
    input: z.strictObject(hostInput),
    output: returns<InstalledOllamaModel[]>(),
    errors: ['config_invalid', 'unreachable', 'timeout', 'auth', 'provider'],
  },
  'ollama:show': {
    summary: "One model's modelfile, parameters, template, license and details.",
    input: z.strictObject({ ...hostInput, name: modelNameSchema }),
    output: returns<OllamaModelDetails>(),
    errors: ['config_invalid', 'unreachable', 'timeout', 'auth', 'provider', 'model_not_found'],
  },
  'ollama:ps': {
    summary: 'The models loaded in memory on the host, with their size and expiry.',
    input: z.strictObject(hostInput),
    output: returns<RunningOllamaModel[]>(),
    errors: ['config_invalid', 'unreachable', 'timeout', 'auth', 'provider'],
  },
  'ollama:delete': {
    summary: 'Removes an installed model from the host.',
    input: z.strictObject({ ...hostInput, name: modelNameSchema }),
    output: returns<{ deleted: string }>(),
    errors: ['config_invalid', 'unreachable', 'timeout', 'auth', 'provider', 'model_not_found'],
  },
  'ollama:unload': {
    summary: "Frees a running model's memory now (generate with keep_alive 0).",
    input: z.strictObject({ ...hostInput, name: modelNameSchema }),
    output: returns<{ unloaded: string }>(),
    errors: ['config_invalid', 'unreachable', 'timeout', 'auth', 'provider', 'model_not_found'],
  },
  'ollama:hosts': {
    summary: 'The configured Ollama host, the hosts saved in this workspace and the selected one.',
    input: noInput,
    output: returns<OllamaHosts>(),
    errors: ['config_invalid'],
  },
  'ollama:saveHosts': {
    summary: "Replaces the workspace's saved hosts and selection (.mindx/ollama-hosts.json).",
    input: z.strictObject({
      hosts: z.array(savedHostSchema).max(50),
      selected: hostInput.host,
    }),
    output: returns<OllamaHosts>(),
    errors: ['config_invalid'],
  },
  'ollama:pullSuggestions': {
    summary: 'Model names worth pulling, from the Cloud Run catalog.',
    input: noInput,
    output: returns<OllamaPullSuggestion[]>(),
    errors: ['config_invalid'],
  },
  ...chatMethods,
  ...presetMethods,
  ...studioMethods,
  ...benchMethods,
  ...deployMethods,
  ...resilienceMethods,
  ...workspaceMethods,
} as const satisfies Record<`${string}:${string}`, AnyMethodSpec>

// ---------------------------------------------------------------------------------------------
// Events: main → renderer pushes (IPC `webContents.send`, SSE in serve mode). Stream deltas and
// pull progress go here too, each payload carrying the id its method call returned.

export const events = {
  'workspace:changed': payload<AppInfo>(),
  /** Every state change of a pull on any host (queued, progress, done, error, cancelled). */
  'ollama:pullProgress': payload<OllamaPull>(),
  ...chatEvents,
  ...studioEvents,
  ...benchEvents,
  ...deployEvents,
} as const satisfies Record<`${string}:${string}`, TypeTag<unknown>>

// ---------------------------------------------------------------------------------------------
// Types derived from the tables.

type Methods = typeof methods
export type Channel = keyof Methods
export type EventName = keyof typeof events

/** What a caller passes (before zod defaults/transforms). */
export type MethodInput<C extends Channel> = z.input<Methods[C]['input']>
/** What a handler receives (after zod parsing). */
export type MethodParsedInput<C extends Channel> = z.output<Methods[C]['input']>
export type MethodOutput<C extends Channel> =
  Methods[C]['output'] extends TypeTag<infer O> ? O : never
export type MethodErrorCode<C extends Channel> =
  Methods[C]['errors'][number] | (typeof COMMON_ERROR_CODES)[number]
export type EventPayload<E extends EventName> =
  (typeof events)[E] extends TypeTag<infer P> ? P : never

export const CHANNELS = Object.keys(methods) as Channel[]
export const EVENT_NAMES = Object.keys(events) as EventName[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(methods, value)
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

/** Every code a method may return: its declared ones plus the common ones. */
export function errorCodesOf(channel: Channel): readonly AppErrorCode[] {
  return [...methods[channel].errors, ...COMMON_ERROR_CODES]
}

/** The single IPC channel events travel on (as `(name, payload)`), so preload can filter names. */
export const EVENT_IPC_CHANNEL = 'mindx:event'

// ---------------------------------------------------------------------------------------------
// The nested call surface `api.<domain>.<verb>(input)`, derived from the channel names.

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never
type ChannelOf<D extends string, V extends string> = `${D}:${V}` & Channel

type CallOf<C extends Channel, R> =
  Record<string, never> extends MethodInput<C>
    ? (input?: MethodInput<C>) => Promise<R>
    : (input: MethodInput<C>) => Promise<R>

type NestedMethods<Shape extends 'value' | 'result'> = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: CallOf<
      ChannelOf<D, V>,
      Shape extends 'value'
        ? MethodOutput<ChannelOf<D, V>>
        : ApiResult<MethodOutput<ChannelOf<D, V>>>
    >
  }
}

/** Calls that resolve to the output or reject with an AppError (what components' stores use). */
export type ApiMethods = NestedMethods<'value'>
/** Calls that resolve to an ApiResult (what crosses the context bridge: errors lose fields there). */
export type BridgeMethods = NestedMethods<'result'>

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void
export type Unsubscribe = () => void
export type Subscribe = <E extends EventName>(event: E, listener: EventListener<E>) => Unsubscribe

/** `window.mindx` in Electron: exactly the contract's methods plus event subscription. */
export type MindxBridge = BridgeMethods & { on: Subscribe }

type AnyCall<R> = (channel: Channel, input: unknown) => Promise<R>

function nest<R>(
  call: AnyCall<R>,
): Record<string, Record<string, (input?: unknown) => Promise<R>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<R>>> = {}
  for (const channel of CHANNELS) {
    const [domain = '', verb = ''] = channel.split(':')
    api[domain] ??= {}
    api[domain][verb] = (input?: unknown) => call(channel, input ?? {})
  }
  return api
}

/** Builds `api.<domain>.<verb>` over one generic call function (the transports' only job). */
export function createApiMethods(call: AnyCall<unknown>): ApiMethods {
  return nest(call) as unknown as ApiMethods
}

export function createBridgeMethods(call: AnyCall<ApiResult<unknown>>): BridgeMethods {
  return nest(call) as unknown as BridgeMethods
}
