// The Playground's provider, model and settings: model lists, the factory's default, "Chat with".
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import * as ops from './conversation-ops'
import type { ModelSettingsSlice, PlaygroundGet, PlaygroundSet } from './playground-state'
import { INITIAL_SETTINGS } from './playground-state'

export function createModelSettingsSlice(
  set: PlaygroundSet,
  get: PlaygroundGet,
): ModelSettingsSlice {
  const api = () => getAppApi()
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
      set((s) => ({ models: { ...s.models, [provider]: { state: 'loading' } } }))
      try {
        const list = await api().chat.models({ provider })
        set((s) => ({ models: { ...s.models, [provider]: { state: 'ready', value: list } } }))
        return list
      } catch (error) {
        const failed = { state: 'error' as const, message: errorMessage(error) }
        set((s) => ({ models: { ...s.models, [provider]: failed } }))
        return null
      }
    },

    chatWith(provider, model) {
      if (get().active) return
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
