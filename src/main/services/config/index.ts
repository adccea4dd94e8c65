// The workspace config service's public surface: read a mindX checkout, validate, edit and save.
export { loadWorkspaceConfig } from './workspace-config'
export type { LoadWorkspaceConfigOptions } from './workspace-config'
export { loadGlobalConfig, FACTORY_CONFIG_FILE_NAME } from './global-config'
export type { LoadGlobalConfigOptions } from './global-config'
export {
  loadFactoryConfig,
  parseFactoryConfigText,
  resolveFactoryConfigPath,
  saveFactoryConfigText,
  editFactoryConfig,
  checkFactoryConfigPathIn,
  FACTORY_CONFIG_PATH_KEY,
} from './factory-config'
export type { EditFactoryConfigOptions } from './factory-config'
export { parseJsonText, lineColumnAt } from './json-text'
export type { JsonPath } from './json-text'
export { writeFileAtomic } from './atomic-write'
export type { WriteFileAtomicOptions } from './atomic-write'
export { envNamesForKey } from './environment'
export type { EnvRecord } from './environment'
export { ConfigFileError } from './types'
export type {
  ConfigIssue,
  ConfigValue,
  FactoryConfigFile,
  GlobalConfig,
  WorkspaceConfig,
} from './types'
