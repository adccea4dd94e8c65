// Suite files as text: YAML (yaml) or JSON (jsonc-parser) → a validated suite, or the first problem at line:col.
import { applyEdits, modify } from 'jsonc-parser'
import { isNode, parseDocument } from 'yaml'
import type { Document } from 'yaml'
import type { z } from 'zod'
import type { SuiteFormat, SuiteValidation } from '../../../shared/bench'
import { suiteSchema } from '../../../shared/bench'
import { lineColumnAt, parseJsonDocument } from '../config/json-text'
import { ConfigFileError } from '../config/types'

export function suiteFormatOf(file: string): SuiteFormat | null {
  if (/\.ya?ml$/i.test(file)) return 'yaml'
  if (/\.json$/i.test(file)) return 'json'
  return null
}

interface LocatedValue {
  value: unknown
  locate(path: readonly PropertyKey[]): { line: number; column: number }
}

/** Parses and validates suite text; never throws for bad input. */
export function validateSuiteText(
  text: string,
  format: SuiteFormat,
  file: string,
): SuiteValidation {
  let parsed: LocatedValue
  try {
    parsed = format === 'json' ? parseJsonDocument(text, file) : parseYaml(text, file)
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error
    const { line, column } = error
    // ConfigFileError's message starts with "file:line:col: "; the issue carries those separately.
    const message = error.message.slice(`${error.file}:${line}:${column}: `.length)
    return { ok: false, issue: { file, line, column, message } }
  }
  const result = suiteSchema.safeParse(parsed.value)
  if (result.success) return { ok: true, suite: result.data }
  const issue = firstIssue(result.error)
  return {
    ok: false,
    issue: { file, ...parsed.locate(issue.path), message: describeIssue(issue) },
  }
}

function firstIssue(error: z.ZodError): z.core.$ZodIssue {
  // A union's own issue hides the real one inside (e.g. a wrong field of a `contains` check).
  const first = error.issues[0]!
  if (first.code === 'invalid_union' && first.errors[0]?.[0]) {
    const inner = first.errors[0][0]
    return { ...inner, path: [...first.path, ...inner.path] }
  }
  return first
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''
  return `${where}${issue.message}`
}

function parseYaml(text: string, file: string): LocatedValue {
  const doc = parseDocument(text, { prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    throw new ConfigFileError({
      file,
      ...lineColumnAt(text, error.pos[0]),
      message: `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`,
    })
  }
  if (doc.contents === null) {
    throw new ConfigFileError({ file, line: 1, column: 1, message: 'the file is empty' })
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    locate: (path) => lineColumnAt(text, yamlOffset(doc, path)),
  }
}

/** The start of the node at `path`, or of its deepest existing ancestor. */
function yamlOffset(doc: Document, path: readonly PropertyKey[]): number {
  const keys = path.filter((k): k is string | number => typeof k !== 'symbol')
  for (let depth = keys.length; depth > 0; depth -= 1) {
    const node: unknown = doc.getIn(keys.slice(0, depth), true)
    if (isNode(node) && node.range) return node.range[0]
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0
}

export type SuitePath = (string | number)[]

/**
 * Sets (or, with undefined, removes) one value in suite text and keeps everything else as typed:
 * comments and layout (yaml's Document API), or formatting and key order (jsonc-parser's modify).
 */
export function editSuiteText(
  text: string,
  format: SuiteFormat,
  path: SuitePath,
  value: unknown,
): string {
  if (format === 'json') {
    const edits = modify(text, path, value, {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
    })
    return applyEdits(text, edits)
  }
  const doc = parseDocument(text)
  if (doc.errors.length > 0) throw new Error('the YAML has errors; fix them in the text first')
  if (value === undefined) doc.deleteIn(path)
  else doc.setIn(path, doc.createNode(value))
  return doc.toString()
}
