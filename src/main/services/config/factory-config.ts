// llm_factory_config.json: where it lives, strict read + schema check, validated atomic save, form edits.
import { isAbsolute, join, resolve } from 'node:path'
import { applyEdits, modify } from 'jsonc-parser'
import type { z } from 'zod'
import { factoryConfigSchema } from '../../../shared/config-schema'
import type { FactoryConfig } from '../../../shared/config-schema'
import { baseUrlCredentialMessage, urlCredentialOf } from '../../../shared/redaction'
import { writeFileAtomic } from './atomic-write'
import { FACTORY_CONFIG_FILE_NAME } from './global-config'
import { parseJsonDocument, parseJsonText } from './json-text'
import type { JsonPath } from './json-text'
import { readConfigFile } from './read-config-file'
import { ConfigFileError } from './types'
import { confineToWorkspace } from './workspace-paths'
import type { FactoryConfigFile, GlobalConfig } from './types'

export const FACTORY_CONFIG_PATH_KEY = 'llm.factory_config_path'

/**
 * `llm.factory_config_path` from global config (relative paths against the workspace root, not
 * the process's cwd as in mindX), else `<root>/data/config/llm_factory_config.json`.
 * An empty string means "not set", as the shipped examples use "" for unset settings.
 * Whatever layer sets it, its real path must stay inside the workspace and out of `.mindx/`
 * (PathOutsideWorkspaceError otherwise): a saved value must never make the app read keys or
 * overwrite a file elsewhere.
 */
export async function resolveFactoryConfigPath(
  root: string,
  global: GlobalConfig,
): Promise<string> {
  const workspace = resolve(root)
  const configured = global.get(FACTORY_CONFIG_PATH_KEY)
  if (configured === undefined || configured.value === '') {
    return join(workspace, 'data', 'config', FACTORY_CONFIG_FILE_NAME)
  }
  if (typeof configured.value !== 'string') {
    const message = `${FACTORY_CONFIG_PATH_KEY} must be a path string, not ${JSON.stringify(configured.value)}`
    throw new ConfigFileError({ file: configured.origin, line: 1, column: 1, message })
  }
  const path = absoluteIn(workspace, configured.value)
  const what = `${FACTORY_CONFIG_PATH_KEY} (set in ${configured.origin})`
  return confineToWorkspace(workspace, path, what)
}

/** Refuses factory json text that would move the factory json out of the workspace once saved. */
export async function checkFactoryConfigPathIn(
  root: string,
  data: FactoryConfig,
  file: string,
): Promise<void> {
  const llm: unknown = data['llm']
  if (typeof llm !== 'object' || llm === null) return
  const configured: unknown = (llm as Record<string, unknown>)['factory_config_path']
  if (typeof configured !== 'string' || configured === '') return
  const workspace = resolve(root)
  const what = `${FACTORY_CONFIG_PATH_KEY} (in ${file})`
  await confineToWorkspace(workspace, absoluteIn(workspace, configured), what)
}

function absoluteIn(workspace: string, path: string): string {
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
  refuseBaseUrlCredentials(text, file)
  await writeFileAtomic(file, text, { keepBackup: true })
  return { path: file, exists: true, data, text }
}

const BASE_URL_KEY = /^base_?url(_override)?$/i

/** The first base URL in `value` that carries a credential, with where it is. */
function baseUrlCredential(
  value: unknown,
  path: JsonPath,
): { path: JsonPath; credential: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key]
    const credential =
      typeof child === 'string' && BASE_URL_KEY.test(key) ? urlCredentialOf(child) : undefined
    if (credential !== undefined) return { path: at, credential }
    const nested = baseUrlCredential(child, at)
    if (nested) return nested
  }
  return undefined
}

/** A key never goes into a base URL (it would show wherever the URL does): refused at line:col. */
function refuseBaseUrlCredentials(text: string, file: string): void {
  const document = parseJsonDocument(text, file)
  const found = baseUrlCredential(document.value, [])
  if (found === undefined) return
  const message = `${formatPath(found.path)}: ${baseUrlCredentialMessage(found.credential)}`
  throw new ConfigFileError({ file, ...document.locate(found.path), message })
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
