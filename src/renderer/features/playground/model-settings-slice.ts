// The Playground's provider, model and settings: model lists, the factory's default, "Chat with".
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { remember } from '../../stores/session-memory'
import type { ChatModelList } from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import * as ops from './conversation-ops'
import { MODEL_LIST_WAIT_MS, modelListTimedOut, withinBound } from './model-list-wait'
import type { ModelSettingsSlice, PlaygroundGet, PlaygroundSet } from './playground-state'
import { INITIAL_SETTINGS } from './playground-state'

export function createModelSettingsSlice(
  set: PlaygroundSet,
  get: PlaygroundGet,
): ModelSettingsSlice {
  const api = () => getAppApi()
  /** The newest model-list request per provider and what its callers get (list, or null). */
  const modelRequests = new Map<
    ProviderName,
    { request: Promise<ChatModelList>; answer: Promise<ChatModelList | null> }
  >()
  return {
    settings: INITIAL_SETTINGS,
    defaultProvider: null,
    defaultModel: null,
    models: {},

    updateSettings: (change) => set((s) => ({ settings: { ...s.settings, ...change } })),

    async chooseProvider(provider) {
      const known = get().models[provider]
      const model = known?.state === 'ready' ? known.value.defaultModel : ''
      set((s) => ({ settings: { ...s.settings, provider, model } }))
      const list = await get().loadModels(provider)
      if (list && get().settings.provider === provider && get().settings.model === '') {
        set((s) => ({ settings: { ...s.settings, model: list.defaultModel } }))
      }
    },

    async loadModels(provider, options = {}) {
      const known = get().models[provider]
      if (known?.state === 'ready' && !options.force) return known.value
      // Several pickers (Compare's columns) asking for one provider share one request.
      const pending = modelRequests.get(provider)
      if (known?.state === 'loading' && pending && !options.force) return pending.answer
      set((s) => ({ models: { ...s.models, [provider]: { state: 'loading' } } }))
      const request = api().chat.models({ provider })
      const latest = () => modelRequests.get(provider)?.request === request
      // Only the newest request writes; an answer after the bound still replaces its error.
      request.then(
        (list) => {
          if (!latest()) return
          set((s) => ({ models: { ...s.models, [provider]: { state: 'ready', value: list } } }))
        },
        () => undefined,
      )
      const answer = withinBound(request, MODEL_LIST_WAIT_MS, modelListTimedOut(provider)).catch(
        (error: unknown) => {
          if (latest()) {
            const failed = { state: 'error' as const, message: errorMessage(error) }
            set((s) => ({ models: { ...s.models, [provider]: failed } }))
          }
          return null
        },
      )
      modelRequests.set(provider, { request, answer })
      return answer
    },

    forgetModels() {
      modelRequests.clear()
      set({ models: {} })
    },

    chatWith(provider, model) {
      if (get().active) return
      remember('playground-mode', 'chat')
      set((s) => {
        const settings = { ...s.settings, provider, model }
        return {
          mode: 'chat',
          settings,
          conversation: ops.emptyConversation(settings),
          notice: null,
        }
      })
      void get().loadModels(provider)
    },

    async refreshDefault() {
      try {
        const view = await api().factory.resolve()
        set((s) => {
          // Settings still on the old default (or on nothing yet) follow the new one; a
          // provider or model someone picked stays picked.
          const onDefault =
            s.settings.model === '' ||
            (s.settings.provider === s.defaultProvider && s.settings.model === s.defaultModel)
          return {
            defaultProvider: view.provider,
            defaultModel: view.model,
            settings: onDefault
              ? { ...s.settings, provider: view.provider, model: view.model }
              : s.settings,
          }
        })
      } catch (error) {
        set({ notice: `The factory's default could not be read: ${errorMessage(error)}` })
      }
    },
  }
}
