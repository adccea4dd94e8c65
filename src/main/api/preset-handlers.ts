// The presets:* methods: the Playground's saved system prompt + parameters, per workspace.
import { PresetNameTakenError, PresetNotFoundError, PresetStore } from '../services/chat'
import { AppError } from './app-error'
import type { ApiHandlers } from './dispatch'
import type { WorkspaceSession } from './workspace-session'

type PresetChannel = Extract<keyof ApiHandlers, `presets:${string}`>
export type PresetHandlers = Pick<ApiHandlers, PresetChannel>

/** The store's typed failures as the contract's codes. */
async function typed<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof PresetNotFoundError) {
      throw new AppError('not_found', error.message, { cause: error })
    }
    if (error instanceof PresetNameTakenError) {
      throw new AppError('conflict', error.message, { cause: error })
    }
    throw error
  }
}

export function createPresetHandlers(session: WorkspaceSession): PresetHandlers {
  const store = () => new PresetStore(session.current.workspace)
  return {
    'presets:list': () => store().list(),
    'presets:save': (input) => typed(store().save(input)),
    'presets:rename': ({ id, name }) => typed(store().rename(id, name)),
    'presets:delete': async ({ id }) => ({ deleted: await store().delete(id) }),
  }
}
