// The global config files of a workspace, for read-only display: data/config/*.json, models/*.yaml, mindx_config.json, .env.
import { join, resolve } from 'node:path'
import type { ConfigIssue } from '../../../shared/config-issue'
import type { ConfigSourceFile } from '../../../shared/studio-config'
import { listModelYamlFiles } from './model-yaml-layers'
import { listJsonFiles, readConfigFile } from './read-config-file'
import { maskDotenvSecrets, maskJsonSecrets, maskYamlSecrets } from './secret-masking'

export interface ListConfigSourcesOptions {
  root: string
  /** The factory json being edited on the Config screen; not repeated here. */
  factoryConfigPath: string
  /** Warnings from loading global config (a broken file mindX skips), matched by file. */
  warnings: readonly ConfigIssue[]
}

const MASKERS: Record<ConfigSourceFile['role'], (text: string) => string> = {
  'global-json': maskJsonSecrets,
  'workspace-json': maskJsonSecrets,
  'models-yaml': maskYamlSecrets,
  dotenv: maskDotenvSecrets,
}

export async function listConfigSources(
  options: ListConfigSourcesOptions,
): Promise<ConfigSourceFile[]> {
  const root = resolve(options.root)
  const configDir = join(root, 'data', 'config')
  const globalJson = (await listJsonFiles(configDir))
    .map((name) => join(configDir, name))
    .filter((path) => path !== resolve(options.factoryConfigPath))
  const candidates: { path: string; role: ConfigSourceFile['role'] }[] = [
    ...globalJson.map((path) => ({ path, role: 'global-json' as const })),
    ...(await listModelYamlFiles(root)).map((path) => ({ path, role: 'models-yaml' as const })),
    { path: join(root, 'mindx_config.json'), role: 'workspace-json' },
    { path: join(root, '.env'), role: 'dotenv' },
  ]
  return Promise.all(
    candidates.map(async ({ path, role }) => {
      const text = await readConfigFile(path).catch(() => undefined)
      const warning = options.warnings.find((issue) => issue.file === path)
      const masked = text === undefined ? '' : MASKERS[role](text)
      return {
        path,
        role,
        exists: text !== undefined,
        text: masked,
        ...(warning ? { warning } : {}),
      }
    }),
  )
}
