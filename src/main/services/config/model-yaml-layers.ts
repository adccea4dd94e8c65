// mindX's models/*.yaml as global config layers: each file deep-merged under `llm.<file stem>` (after data/config/*.json).
import { basename, join } from 'node:path'
import type { Document } from 'yaml'
import { isJsonObject } from './json-layers'
import type { JsonLayer, JsonObject } from './json-layers'
import { listFilesEndingWith, readConfigFile } from './read-config-file'
import type { ConfigIssue } from './types'

const YAML_SUFFIX = '.yaml'

/** The `models/*.yaml` files of a workspace, in code-point order (mindX globs `*.yaml`). */
export async function listModelYamlFiles(root: string): Promise<string[]> {
  const dir = join(root, 'models')
  return (await listFilesEndingWith(dir, YAML_SUFFIX)).map((name) => join(dir, name))
}

/**
 * One layer per YAML file, as mindX's `_load_model_capability_configs` builds them:
 * `{llm: {<stem>: <file content>}}`. A file is parsed only when a lookup reaches `llm.<stem>`
 * (mindX's model files run to hundreds of lines; `resolve` needs one). A file mindX would skip
 * (a YAML error, or nothing mergeable at the top) is then an empty layer plus a warning.
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
    const stem = basename(file, YAML_SUFFIX)
    let data: JsonObject | undefined
    const parse = (): JsonObject => {
      const content = parseModelYaml(parseDocument(text), file, warnings)
      return content === undefined ? {} : { llm: { [stem]: content } }
    }
    layers.push({
      file,
      scope: ['llm', stem],
      get data() {
        return (data ??= parse())
      },
    })
  }
  return layers
}

/** The mapping a file holds, or undefined (with a warning) when mindX would merge nothing. */
function parseModelYaml(
  document: Document.Parsed,
  file: string,
  warnings: ConfigIssue[],
): JsonObject | undefined {
  const error = document.errors[0]
  if (error !== undefined) {
    const [line = 1, column = 1] = error.linePos
      ? [error.linePos[0].line, error.linePos[0].col]
      : []
    const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    warnings.push({
      file,
      line,
      column,
      message: `${first || 'invalid YAML'} (mindX skips this file)`,
    })
    return undefined
  }
  const data: unknown = document.toJS({ maxAliasCount: 100 })
  // mindX merges only when the file yields something (`if model_data:`); we merge mappings only.
  if (data === null || data === undefined) return undefined
  if (!isJsonObject(data)) {
    const message = 'expected a mapping at the top level (mindX merges it under llm.<file name>)'
    warnings.push({ file, line: 1, column: 1, message })
    return undefined
  }
  return data
}
