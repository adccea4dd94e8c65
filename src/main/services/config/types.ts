// What reading a workspace yields: global config lookups with origins, the factory json, and their problems.
import type { ConfigIssue } from '../../../shared/config-issue'
import type { FactoryConfig } from '../../../shared/config-schema'
import type { MindxProviderEntry } from '../../../shared/providers'

/** A value found in global config or the environment, with where it came from. */
export interface ConfigValue {
  value: unknown
  /** Dotted config key (`llm.gemini.api_key`) or environment variable name. */
  key: string
  /** File path, `env:NAME` (process environment) or `dotenv:NAME` (the workspace's .env). */
  origin: string
}

export type { ConfigIssue } from '../../../shared/config-issue'

/** Thrown for a config file that cannot be read or is not valid; never an empty config in its place. */
export class ConfigFileError extends Error implements ConfigIssue {
  readonly file: string
  readonly line: number
  readonly column: number

  constructor(issue: ConfigIssue, options?: { cause?: unknown }) {
    super(`${issue.file}:${issue.line}:${issue.column}: ${issue.message}`, options)
    this.name = 'ConfigFileError'
    this.file = issue.file
    this.line = issue.line
    this.column = issue.column
  }
}

export interface GlobalConfig {
  /** The winning value of a dotted key (env vars over json files; `env:NAME` values dereferenced). */
  get(key: string): ConfigValue | undefined
  /** Every place that sets the key, highest precedence first (the first is what `get` returns). */
  lookup(key: string): ConfigValue[]
  /** A plain environment variable (process env wins over .env), e.g. GEMINI_API_KEY, OLLAMA_HOST. */
  env(name: string): ConfigValue | undefined
  /** Files that were read, in the order they were applied. */
  readonly files: readonly string[]
  /** Non-fatal problems (a broken unrelated json in data/config is skipped with a warning). */
  readonly warnings: readonly ConfigIssue[]
}

export interface FactoryConfigFile {
  /** Absolute path (data/config/llm_factory_config.json or `llm.factory_config_path`). */
  path: string
  exists: boolean
  /** Parsed and validated content; `{}` when the file does not exist. */
  data: FactoryConfig
  /** The raw text as on disk ('' when missing), for editors that keep formatting. */
  text: string
}

export interface WorkspaceConfig {
  root: string
  global: GlobalConfig
  factory: FactoryConfigFile
  /** data/config/provider_registry.json by provider name (empty when the file is absent). */
  mindxProviders: ReadonlyMap<string, MindxProviderEntry>
}
