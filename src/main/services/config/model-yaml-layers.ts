// mindX's models/*.yaml as global config layers: each file deep-merged under `llm.<file stem>` (after data/config/*.json).
import { basename, join } from 'node:path'
import { isJsonObject } from './json-layers'
import type { JsonLayer } from './json-layers'
import { listFilesEndingWith, readConfigFile } from './read-config-file'
import type { ConfigIssue } from './types'

const YAML_SUFFIX = '.yaml'

/** The `models/*.yaml` files of a workspace, in code-point order (mindX globs `*.yaml`). */
export async function listModelYamlFiles(root: string): Promise<string[]> {
  const dir = join(root, 'models')
  return (await listFilesEndingWith(dir, YAML_SUFFIX)).map((name) => join(dir, name))
}

/**
 * One layer per readable YAML file, as mindX's `_load_model_capability_configs` builds them:
 * `{llm: {<stem>: <file content>}}`. A file mindX would skip (a YAML error, or nothing mergeable
 * at the top) becomes a warning with line:col. The parser is loaded only when such files exist.
 */
export async function readModelYamlLayers(
  root: string,
  warnings: ConfigIssue[],
): Promise<JsonLayer[]> {
  const files = await listModelYamlFiles(root)
  if (files.length === 0) return []
  const { parseDocument } = await import('yaml')
  const layers: JsonLayer[] = []
  for (const file of files) {
    const text = await readConfigFile(file)
    if (text === undefined) continue
    const document = parseDocument(text)
    const error = document.errors[0]
    if (error !== undefined) {
      const [line = 1, column = 1] = error.linePos
        ? [error.linePos[0].line, error.linePos[0].col]
        : []
      const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
      const message = `${first || 'invalid YAML'} (mindX skips this file)`
      warnings.push({ file, line, column, message })
      continue
    }
    const data: unknown = document.toJS({ maxAliasCount: 100 })
    // mindX merges only when the file yields something (`if model_data:`); we merge mappings only.
    if (data === null || data === undefined) continue
    if (!isJsonObject(data)) {
      const message = 'expected a mapping at the top level (mindX merges it under llm.<file name>)'
      warnings.push({ file, line: 1, column: 1, message })
      continue
    }
    layers.push({ file, data: { llm: { [basename(file, YAML_SUFFIX)]: data } } })
  }
  return layers
}
