// What the config, providers and catalog handlers share: the workspace's config, one write at a time.
import { join, resolve } from 'node:path'
import {
  ConfigFileError,
  FACTORY_CONFIG_FILE_NAME,
  loadGlobalConfig,
  loadWorkspaceConfig,
  resolveFactoryConfigPath,
} from '../services/config'
import type { ConfigIssue, GlobalConfig, WorkspaceConfig } from '../services/config'
import type { WorkspaceServices, WorkspaceSession } from './workspace-session'

export interface StudioContext {
  readonly session: WorkspaceSession
  /** The current workspace's config, freshly read (the factory's cache is separate). */
  readConfig(): Promise<{ services: WorkspaceServices; ws: WorkspaceConfig }>
  /** Global config and the factory json's path only: works while the factory json is invalid. */
  readGlobal(): Promise<GlobalRead>
  /**
   * Runs one read-modify-write of workspace files at a time (two quick clicks must not lose an
   * edit), then drops the factory's cached config so every later call sees the new files.
   */
  write<T>(work: (services: WorkspaceServices) => Promise<T>): Promise<T>
}

export interface GlobalRead {
  services: WorkspaceServices
  /** Undefined when the factory json in data/config is broken (mindX reads it as global too). */
  global: GlobalConfig | undefined
  factoryPath: string
  /** That breakage, shown where the global files are listed. */
  factoryIssue?: ConfigIssue
}

export function createStudioContext(session: WorkspaceSession): StudioContext {
  let queue: Promise<unknown> = Promise.resolve()
  const readConfig = async () => {
    const services = session.current
    const ws = await loadWorkspaceConfig({ root: services.workspace, env: services.env })
    return { services, ws }
  }
  const readGlobal = async (): Promise<GlobalRead> => {
    const services = session.current
    try {
      const global = await loadGlobalConfig({ root: services.workspace, env: services.env })
      return {
        services,
        global,
        factoryPath: await resolveFactoryConfigPath(services.workspace, global),
      }
    } catch (error) {
      // The factory json in data/config is also a global layer, read strictly; when it is the broken
      // file, the Config screen must still open it so it can be fixed.
      const factoryPath = join(
        resolve(services.workspace),
        'data',
        'config',
        FACTORY_CONFIG_FILE_NAME,
      )
      if (!(error instanceof ConfigFileError) || error.file !== factoryPath) throw error
      const { file, line, column } = error
      return {
        services,
        global: undefined,
        factoryPath,
        factoryIssue: { file, line, column, message: error.message },
      }
    }
  }
  return {
    session,
    readConfig,
    readGlobal,
    write(work) {
      const run = queue.then(async () => {
        const services = session.current
        try {
          return await work(services)
        } finally {
          services.factory.clearHandlerCache()
        }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
