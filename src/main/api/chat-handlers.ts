// The chat:* methods: Playground streams over the event bus, conversations in the workspace, export.
import type { ChatErrorData, ChatModelList } from '../../shared/chat'
import {
  ChatStreams,
  ConversationNotFoundError,
  ConversationStore,
  describeChatError,
} from '../services/chat'
import { exportConversation } from '../services/chat'
import { AppError, redactSecrets } from './app-error'
import type { ApiHandlers } from './dispatch'
import type { AppEventBus } from './event-bus'
import type { WorkspaceSession } from './workspace-session'

export interface ChatHandlerDeps {
  session: WorkspaceSession
  /** Where chat:delta/done/error go; without one (some tests) they go nowhere. */
  events?: AppEventBus
}

type ChatChannel = Extract<keyof ApiHandlers, `chat:${string}`>
export type ChatHandlers = Pick<ApiHandlers, ChatChannel>

const LIST_MODELS_TIMEOUT_MS = 15_000

/** Provider messages can quote URLs with keys in them; nothing key-like reaches the renderer. */
function describeRedacted(error: unknown): ChatErrorData {
  const data = describeChatError(error)
  return { ...data, message: redactSecrets(data.message) }
}

async function loadOrNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof ConversationNotFoundError) {
      throw new AppError('not_found', error.message, { cause: error })
    }
    throw error
  }
}

export function createChatHandlers(deps: ChatHandlerDeps): ChatHandlers {
  const streams = new ChatStreams(
    {
      delta: (event) => deps.events?.emit('chat:delta', event),
      done: (event) => deps.events?.emit('chat:done', event),
      error: (event) => deps.events?.emit('chat:error', event),
    },
    { describeError: describeRedacted },
  )
  // One store per open workspace: it keeps the parsed files, so a list or search re-reads only
  // the conversations that changed since the last one.
  let stores: { workspace: string; store: ConversationStore } | null = null
  const store = () => {
    const { workspace } = deps.session.current
    if (stores?.workspace !== workspace)
      stores = { workspace, store: new ConversationStore(workspace) }
    return stores.store
  }

  return {
    'chat:models': async ({ provider }) => {
      const factory = deps.session.current.factory
      const { view } = await factory.resolve({ provider })
      const handler = await factory.createLlmHandler({ provider })
      const list: ChatModelList = {
        provider: view.provider,
        models: [],
        defaultModel: view.model,
        baseUrl: view.baseUrl,
        fallbackReason: view.fallbackReason,
      }
      try {
        const models = await handler.listModels(AbortSignal.timeout(LIST_MODELS_TIMEOUT_MS))
        list.models = models.map((m) => ({
          name: m.name,
          ...(m.displayName ? { displayName: m.displayName } : {}),
        }))
      } catch (error) {
        list.error = describeRedacted(error)
      }
      // The default is always offered, even when the provider does not list it (yet).
      if (!list.models.some((m) => m.name === list.defaultModel)) {
        list.models.unshift({ name: list.defaultModel })
      }
      return list
    },
    'chat:send': async (request) => {
      const used = await streams.start(deps.session.current.factory, request)
      return { streamId: request.streamId, used }
    },
    'chat:stop': ({ streamId }) => Promise.resolve({ stopped: streams.stop(streamId) }),
    'chat:list': ({ query }) => store().list({ query }),
    'chat:load': ({ id }) => loadOrNotFound(store().load(id)),
    'chat:save': ({ conversation }) => store().save(conversation),
    'chat:rename': ({ id, title }) => loadOrNotFound(store().rename(id, title)),
    'chat:delete': async ({ id }) => ({ deleted: await store().delete(id) }),
    'chat:export': async ({ id, format }) =>
      exportConversation(await loadOrNotFound(store().load(id)), format),
  }
}
