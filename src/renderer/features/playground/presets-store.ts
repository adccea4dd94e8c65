// The Playground's presets (system prompt + parameters) of this workspace: list, save, rename, delete.
import { create } from 'zustand'
import type { ChatSettings } from '../../../shared/chat'
import type { Preset, PresetSettings } from '../../../shared/presets'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'

interface PresetsState {
  presets: Loadable<Preset[]>
  /** The preset picked last (its settings were applied; they may have been changed since). */
  pickedId: string | null
  /** The last save/rename/delete that failed, with what to do. */
  problem: string | null
  start: () => () => void
  load: () => Promise<void>
  pick: (id: string | null) => Preset | null
  /** Saves as a new preset (or over `id`); true when it was saved. */
  save: (name: string, settings: PresetSettings, id?: string) => Promise<boolean>
  rename: (id: string, name: string) => Promise<boolean>
  remove: (id: string) => Promise<void>
  clearProblem: () => void
}

/** The part of the Playground's settings a preset holds. */
export function presetPart(settings: ChatSettings): PresetSettings {
  return {
    system: settings.system,
    jsonMode: settings.jsonMode,
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.maxTokens === undefined ? {} : { maxTokens: settings.maxTokens }),
  }
}

/** What picking a preset changes: every field it holds, blanks included (back to the default). */
export function settingsFrom(preset: Preset): Partial<ChatSettings> {
  const { system, jsonMode, temperature, maxTokens } = preset.settings
  return { system, jsonMode, temperature, maxTokens }
}

export function differsFrom(preset: Preset, settings: ChatSettings): boolean {
  const now = presetPart(settings)
  const saved = preset.settings
  return (
    now.system !== saved.system ||
    now.jsonMode !== saved.jsonMode ||
    now.temperature !== saved.temperature ||
    now.maxTokens !== saved.maxTokens
  )
}

export const usePresetsStore = create<PresetsState>()((set, get) => {
  const api = () => getAppApi()
  const attempt = async (work: () => Promise<unknown>, what: string): Promise<boolean> => {
    try {
      await work()
      set({ problem: null })
      return true
    } catch (error) {
      set({ problem: `The preset could not be ${what}: ${errorMessage(error)}` })
      return false
    } finally {
      await get().load()
    }
  }
  return {
    presets: { state: 'loading' },
    pickedId: null,
    problem: null,

    start() {
      void get().load()
      return api().on('workspace:changed', () => {
        set({ presets: { state: 'loading' }, pickedId: null, problem: null })
        void get().load()
      })
    },

    async load() {
      try {
        const list = await api().presets.list()
        set((s) => ({
          presets: { state: 'ready', value: list },
          pickedId: list.some((p) => p.id === s.pickedId) ? s.pickedId : null,
        }))
      } catch (error) {
        set({ presets: { state: 'error', message: errorMessage(error) } })
      }
    },

    pick(id) {
      const { presets } = get()
      const preset =
        id === null || presets.state !== 'ready'
          ? null
          : (presets.value.find((p) => p.id === id) ?? null)
      set({ pickedId: preset?.id ?? null, problem: null })
      return preset
    },

    save: (name, settings, id) =>
      attempt(async () => {
        const saved = await api().presets.save({ name, settings, ...(id ? { id } : {}) })
        set({ pickedId: saved.id })
      }, 'saved'),

    rename: (id, name) => attempt(() => api().presets.rename({ id, name }), 'renamed'),

    async remove(id) {
      await attempt(() => api().presets.delete({ id }), 'deleted')
    },

    clearProblem: () => set({ problem: null }),
  }
})
