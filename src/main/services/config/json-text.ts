// Strict JSON parsing with jsonc-parser: values, their syntax tree, and 1-based line:col for any spot.
import { parseTree, printParseErrorCode, findNodeAtLocation } from 'jsonc-parser'
import type { Node as JsonNode, ParseError } from 'jsonc-parser'
import { ConfigFileError } from './types'

/** A path into a JSON document: property names and array indices. */
export type JsonPath = (string | number)[]

/** A parsed document that can still point at the text a value came from. */
export interface JsonDocument {
  file: string
  value: unknown
  /** 1-based line and column of the value at `path`, or of its deepest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number }
}

const UTF8_BOM = '\uFEFF'

// Plain words for jsonc-parser's error codes (its ParseErrorCode is an ambient const enum, which
// isolatedModules cannot read, so we map the printed names).
const PARSE_ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
}

/** 1-based line and column (UTF-16 units, as editors count) of an offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line += 1
    lineStart = i + 1
  }
  return { line, column: clamped - lineStart + 1 }
}

/**
 * Parses strict JSON (no comments, no trailing commas, no empty file), the dialect mindX's
 * `json.load` accepts. Throws ConfigFileError at the first syntax error.
 */
export function parseJsonDocument(rawText: string, file: string): JsonDocument {
  // A BOM is invisible in editors; dropping it keeps columns where the user sees them.
  const text = rawText.startsWith(UTF8_BOM) ? rawText.slice(1) : rawText
  let value: unknown
  try {
    // The native parser accepts the same strict dialect, many times faster; like nodeValue, it keeps
    // a `"__proto__"` key as an own property. The syntax tree is built only to point at a spot.
    value = JSON.parse(text)
  } catch {
    return parseWithTree(text, file)
  }
  let root: JsonNode | undefined
  return {
    file,
    value,
    locate: (path) => lineColumnAt(text, nodeForPath((root ??= treeOf(text, file)), path).offset),
  }
}

function treeOf(text: string, file: string): JsonNode {
  const errors: ParseError[] = []
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  })
  const first = errors[0]
  if (first !== undefined || root === undefined) {
    const code = first === undefined ? 'ValueExpected' : printParseErrorCode(first.error)
    const { offset, description } = describeSyntaxError(text, first?.offset ?? 0, code)
    const message = `invalid JSON: ${description}`
    throw new ConfigFileError({ file, ...lineColumnAt(text, offset), message })
  }
  return root
}

/** jsonc-parser's reading: the position of the first syntax error (it is the one that names it). */
function parseWithTree(text: string, file: string): JsonDocument {
  const root = treeOf(text, file)
  return {
    file,
    value: nodeValue(root),
    locate: (path) => lineColumnAt(text, nodeForPath(root, path).offset),
  }
}

function describeSyntaxError(
  text: string,
  offset: number,
  code: string,
): { offset: number; description: string } {
  if (text.trim() === '') return { offset: 0, description: 'the file is empty (expected JSON)' }
  // Trailing commas are the most common slip from JS/JSONC habits: name them and point at them.
  const before = text.slice(0, offset).trimEnd()
  if (before.endsWith(',') && (code === 'ValueExpected' || code === 'PropertyNameExpected')) {
    return { offset: before.length - 1, description: 'trailing comma (not allowed in JSON)' }
  }
  return { offset, description: PARSE_ERROR_MESSAGES[code] ?? code }
}

/** The value of strict JSON `text`; throws ConfigFileError (file, line, column) when it is not. */
export function parseJsonText(text: string, file: string): unknown {
  return parseJsonDocument(text, file).value
}

/** The node at `path`, or the deepest ancestor that exists (a missing property points at its object). */
function nodeForPath(root: JsonNode, path: readonly PropertyKey[]): JsonNode {
  const segments = path.filter((s): s is string | number => typeof s !== 'symbol')
  for (let depth = segments.length; depth > 0; depth -= 1) {
    const found = findNodeAtLocation(root, segments.slice(0, depth))
    if (found !== undefined) return found
  }
  return root
}

// Builds values from the tree ourselves so a `"__proto__"` key stays an ordinary own property
// instead of replacing the object's prototype.
function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {}
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? []
        if (keyNode === undefined || valueNode === undefined) continue
        Object.defineProperty(result, String(keyNode.value), {
          value: nodeValue(valueNode),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return result
    }
    case 'array':
      return (node.children ?? []).map(nodeValue)
    default:
      return node.value as unknown
  }
}
