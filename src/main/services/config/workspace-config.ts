// Reads a whole workspace: global config first (it may move the factory json), then the factory json.
import { resolve } from 'node:path'
import { loadFactoryConfig, resolveFactoryConfigPath } from './factory-config'
import { loadGlobalConfig } from './global-config'
import { readMindxProviderRegistry } from './mindx-provider-registry'
import type { LoadGlobalConfigOptions } from './global-config'
import type { WorkspaceConfig } from './types'

export type LoadWorkspaceConfigOptions = LoadGlobalConfigOptions

/**
 * Everything the factory needs from a workspace. Throws ConfigFileError for an unreadable file or
 * an invalid llm_factory_config.json; reading never writes anything.
 */
export async function loadWorkspaceConfig(
  options: LoadWorkspaceConfigOptions,
): Promise<WorkspaceConfig> {
  const root = resolve(options.root)
  const [global, mindxProviders] = await Promise.all([
    loadGlobalConfig({ root, env: options.env }),
    readMindxProviderRegistry(root),
  ])
  const factory = await loadFactoryConfig(resolveFactoryConfigPath(root, global))
  return { root, global, factory, mindxProviders }
}
