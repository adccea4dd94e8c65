// mindX's global Config for one workspace: data/config/*.json, models/*.yaml, mindx_config.json, .env, MINDX_ vars.
import { join, resolve } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { Environment, envNamesForKey, envReferenceName } from './environment'
import type { EnvRecord } from './environment'
import { parseJsonDocument } from './json-text'
import { deepMerge, isJsonObject, valuesAt } from './json-layers'
import type { JsonLayer, JsonObject } from './json-layers'
import { readModelYamlLayers } from './model-yaml-layers'
import { listJsonFiles, readConfigFile } from './read-config-file'
import { ConfigFileError } from './types'
import type { ConfigIssue, ConfigValue, GlobalConfig } from './types'

/** The factory's own file: in data/config it is read strictly, never skipped with a warning. */
export const FACTORY_CONFIG_FILE_NAME = 'llm_factory_config.json'

export interface LoadGlobalConfigOptions {
  /** The workspace root (a mindX checkout). */
  root: string
  /** The real environment, injected (the app passes process.env; tests pass a record). */
  env: EnvRecord
}

/**
 * Reads the global config layers, lowest first: every `data/config/*.json` in file-name order
 * (as mindX's Config), then every `models/*.yaml` under `llm.<file stem>` (so YAML wins, as in
 * mindX), then `<root>/mindx_config.json` (the v4 layout), then `.env` and the environment.
 * Only reads files; never writes.
 */
export async function loadGlobalConfig(options: LoadGlobalConfigOptions): Promise<GlobalConfig> {
  const root = resolve(options.root)
  const warnings: ConfigIssue[] = []
  const layers: JsonLayer[] = []
  const configDir = join(root, 'data', 'config')
  for (const name of await listJsonFiles(configDir)) {
    const strict = name === FACTORY_CONFIG_FILE_NAME
    const layer = await readJsonLayer(join(configDir, name), { strict, warnings })
    if (layer !== undefined) layers.push(layer)
  }
  layers.push(...(await readModelYamlLayers(root, warnings)))
  const legacy = await readJsonLayer(join(root, 'mindx_config.json'), { strict: false, warnings })
  if (legacy !== undefined) layers.push(legacy)

  const dotenvFile = join(root, '.env')
  const dotenvText = await readConfigFile(dotenvFile)
  // dotenv.parse only parses: process.env is never touched.
  const dotenv = dotenvText === undefined ? {} : parseDotenv(dotenvText)
  const files = layers.map((layer) => layer.file)
  if (dotenvText !== undefined) files.push(dotenvFile)
  return new LayeredGlobalConfig(layers, new Environment(options.env, dotenv), files, warnings)
}

/**
 * A json file as a layer; undefined when missing. A file mindX would skip (bad JSON, or not an
 * object at the top) becomes a warning, unless `strict`, where it is a ConfigFileError.
 */
async function readJsonLayer(
  file: string,
  options: { strict: boolean; warnings: ConfigIssue[] },
): Promise<JsonLayer | undefined> {
  const text = await readConfigFile(file)
  if (text === undefined) return undefined
  try {
    const document = parseJsonDocument(text, file)
    if (!isJsonObject(document.value)) {
      const message = 'expected a JSON object at the top level (mindX merges only objects)'
      throw new ConfigFileError({ file, ...document.locate([]), message })
    }
    return { file, data: document.value }
  } catch (error) {
    if (options.strict || !(error instanceof ConfigFileError)) throw error
    const { line, column } = error
    const detail = error.message.slice(`${file}:${line}:${column}: `.length)
    options.warnings.push({ file, line, column, message: `${detail} (mindX skips this file)` })
    return undefined
  }
}

/**
 * Answers lookups over the layers. Environment values are kept as strings, exactly as mindX's
 * `Config.get` returns `os.getenv(...)` unconverted: "8080" stays "8080", "false" stays "false";
 * callers convert where they know the type.
 */
class LayeredGlobalConfig implements GlobalConfig {
  private readonly layersHighestFirst: readonly JsonLayer[]

  constructor(
    layersLowestFirst: readonly JsonLayer[],
    private readonly environment: Environment,
    readonly files: readonly string[],
    readonly warnings: readonly ConfigIssue[],
  ) {
    this.layersHighestFirst = [...layersLowestFirst].reverse()
  }

  get(key: string): ConfigValue | undefined {
    const [winner, ...shadowed] = this.lookup(key)
    if (winner === undefined || !isJsonObject(winner.value)) return winner
    // An object key (`llm.ollama`) answers with the merged subtree, as mindX's merged dict would.
    const objects: JsonObject[] = [winner.value]
    for (const entry of shadowed) {
      if (!isJsonObject(entry.value)) break
      objects.push(entry.value)
    }
    const merged = objects.reduceRight<JsonObject>((lower, higher) => deepMerge(lower, higher), {})
    return { ...winner, value: merged }
  }

  lookup(key: string): ConfigValue[] {
    if (key === '') return []
    // Env vars win over json even when a json layer blocks the key: mindX checks them first.
    const fromEnv = this.environment.lookup(envNamesForKey(key))
    return [...fromEnv, ...this.jsonValues(key)]
  }

  env(name: string): ConfigValue | undefined {
    return this.environment.get(name)
  }

  /** Json values highest first, with `"env:NAME"` dereferenced; an unset NAME sets nothing. */
  private jsonValues(key: string): ConfigValue[] {
    const found: ConfigValue[] = []
    for (const { file, value } of valuesAt(this.layersHighestFirst, key.split('.'))) {
      const referenced = envReferenceName(value)
      if (referenced === undefined) {
        found.push({ value, key, origin: file })
        continue
      }
      const resolved = referenced === '' ? undefined : this.environment.lookup([referenced], key)[0]
      if (resolved !== undefined) found.push(resolved)
    }
    return found
  }
}
