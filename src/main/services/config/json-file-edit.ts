// Form-style edits of workspace json files: change a few values, keep everything else, save atomically.
import { resolve } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { editFactoryConfig, saveFactoryConfigText } from './factory-config'
import type { JsonPath } from './json-text'
import { parseJsonDocument } from './json-text'
import { isJsonObject } from './json-layers'
import { readConfigFile } from './read-config-file'
import { ConfigFileError } from './types'
import type { FactoryConfigFile } from './types'

export interface JsonEdit {
  path: JsonPath
  /** undefined removes the property. */
  value: unknown
}

function applyJsonEdits(text: string, edits: readonly JsonEdit[], file: string): string {
  // A missing or empty file starts as an empty object (2-space, newline-terminated).
  let next = text.trim() === '' ? '{}\n' : text
  for (const edit of edits) next = editFactoryConfig(next, edit.path, edit.value, { file })
  return next
}

/**
 * Applies `edits` to llm_factory_config.json and saves it (validated, atomic, `.bak` kept).
 * Unknown keys, key order and formatting survive; an invalid result throws and writes nothing.
 */
export async function editFactoryConfigFile(
  path: string,
  edits: readonly JsonEdit[],
): Promise<FactoryConfigFile> {
  const file = resolve(path)
  const text = (await readConfigFile(file)) ?? ''
  return saveFactoryConfigText(file, applyJsonEdits(text, edits, file))
}

/** The same for a global json (mindx_config.json): must stay a JSON object; nothing else checked. */
export async function editJsonObjectFile(path: string, edits: readonly JsonEdit[]): Promise<void> {
  const file = resolve(path)
  const text = (await readConfigFile(file)) ?? ''
  const next = applyJsonEdits(text, edits, file)
  const document = parseJsonDocument(next, file)
  if (!isJsonObject(document.value)) {
    const message = 'expected a JSON object at the top level'
    throw new ConfigFileError({ file, line: 1, column: 1, message })
  }
  await writeFileAtomic(file, next, { keepBackup: true })
}
