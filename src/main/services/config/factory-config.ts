// llm_factory_config.json: where it lives, strict read + schema check, validated atomic save, form edits.
import { isAbsolute, join, resolve } from 'node:path'
import { applyEdits, modify } from 'jsonc-parser'
import type { z } from 'zod'
import { factoryConfigSchema } from '../../../shared/config-schema'
import type { FactoryConfig } from '../../../shared/config-schema'
import { writeFileAtomic } from './atomic-write'
import { FACTORY_CONFIG_FILE_NAME } from './global-config'
import { parseJsonDocument, parseJsonText } from './json-text'
import type { JsonPath } from './json-text'
import { readConfigFile } from './read-config-file'
import { ConfigFileError } from './types'
import type { FactoryConfigFile, GlobalConfig } from './types'

export const FACTORY_CONFIG_PATH_KEY = 'llm.factory_config_path'

/**
 * `llm.factory_config_path` from global config (relative paths against the workspace root, not
 * the process's cwd as in mindX), else `<root>/data/config/llm_factory_config.json`.
 * An empty string means "not set", as the shipped examples use "" for unset settings.
 */
export function resolveFactoryConfigPath(root: string, global: GlobalConfig): string {
  const workspace = resolve(root)
  const configured = global.get(FACTORY_CONFIG_PATH_KEY)
  if (configured === undefined || configured.value === '') {
    return join(workspace, 'data', 'config', FACTORY_CONFIG_FILE_NAME)
  }
  if (typeof configured.value !== 'string') {
    const message = `${FACTORY_CONFIG_PATH_KEY} must be a path string, not ${JSON.stringify(configured.value)}`
    throw new ConfigFileError({ file: configured.origin, line: 1, column: 1, message })
  }
  const path = configured.value
  return isAbsolute(path) ? resolve(path) : resolve(workspace, path)
}

/** Parses and validates factory json text; ConfigFileError points at the first offending node. */
export function parseFactoryConfigText(text: string, file: string): FactoryConfig {
  const document = parseJsonDocument(text, file)
  const result = factoryConfigSchema.safeParse(document.value)
  if (result.success) return result.data
  const [first, ...others] = result.error.issues
  const path = first?.path ?? []
  const more = others.length === 0 ? '' : ` (and ${others.length} more problem(s))`
  const message = `${describeIssue(first)}${more}`
  throw new ConfigFileError({ file, ...document.locate(path), message }, { cause: result.error })
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'does not match the llm_factory_config schema'
  const where = formatPath(issue.path)
  return where === '' ? issue.message : `${where}: ${issue.message}`
}

/** `a.b[0].c`, the way the json reads. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? String(segment) : `.${String(segment)}`
  }
  return out
}

/** Reads and validates the factory json; a missing file is `{}` with `exists: false`. */
export async function loadFactoryConfig(path: string): Promise<FactoryConfigFile> {
  const file = resolve(path)
  const text = await readConfigFile(file)
  if (text === undefined) return { path: file, exists: false, data: {}, text: '' }
  return { path: file, exists: true, data: parseFactoryConfigText(text, file), text }
}

/**
 * Validates `text` (JSON + schema) and only then replaces the file atomically, keeping the old
 * one as `<path>.bak`. On a validation error nothing is written.
 */
export async function saveFactoryConfigText(
  path: string,
  text: string,
): Promise<FactoryConfigFile> {
  const file = resolve(path)
  const data = parseFactoryConfigText(text, file)
  await writeFileAtomic(file, text, { keepBackup: true })
  return { path: file, exists: true, data, text }
}

export interface EditFactoryConfigOptions {
  /** Named in the error when `text` is not valid JSON. */
  file?: string
}

/**
 * Sets (or with `undefined` removes) one value and returns the new text. Only the edited spot
 * changes, so the user's key order, formatting and unknown keys survive. Empty text is `{}`.
 */
export function editFactoryConfig(
  text: string,
  jsonPath: JsonPath,
  value: unknown,
  options: EditFactoryConfigOptions = {},
): string {
  // Editing broken JSON would produce something worse; the caller shows this error instead.
  if (text.trim() !== '') parseJsonText(text, options.file ?? FACTORY_CONFIG_FILE_NAME)
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const edits = modify(text, jsonPath, value, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol },
  })
  return applyEdits(text, edits)
}
