// What the config, providers and catalog handlers share: the workspace's config, one write at a time.
import { loadGlobalConfig, loadWorkspaceConfig, resolveFactoryConfigPath } from '../services/config'
import type { GlobalConfig, WorkspaceConfig } from '../services/config'
import type { WorkspaceServices, WorkspaceSession } from './workspace-session'

export interface StudioContext {
  readonly session: WorkspaceSession
  /** The current workspace's config, freshly read (the factory's cache is separate). */
  readConfig(): Promise<{ services: WorkspaceServices; ws: WorkspaceConfig }>
  /** Global config and the factory json's path only: works while the factory json is invalid. */
  readGlobal(): Promise<{ services: WorkspaceServices; global: GlobalConfig; factoryPath: string }>
  /**
   * Runs one read-modify-write of workspace files at a time (two quick clicks must not lose an
   * edit), then drops the factory's cached config so every later call sees the new files.
   */
  write<T>(work: (services: WorkspaceServices, ws: WorkspaceConfig) => Promise<T>): Promise<T>
}

export function createStudioContext(session: WorkspaceSession): StudioContext {
  let queue: Promise<unknown> = Promise.resolve()
  const readConfig = async () => {
    const services = session.current
    const ws = await loadWorkspaceConfig({ root: services.workspace, env: services.env })
    return { services, ws }
  }
  const readGlobal = async () => {
    const services = session.current
    const global = await loadGlobalConfig({ root: services.workspace, env: services.env })
    return { services, global, factoryPath: resolveFactoryConfigPath(services.workspace, global) }
  }
  return {
    session,
    readConfig,
    readGlobal,
    write(work) {
      const run = queue.then(async () => {
        const { services, ws } = await readConfig()
        try {
          return await work(services, ws)
        } finally {
          services.factory.clearHandlerCache()
        }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
