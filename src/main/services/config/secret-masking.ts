// Masks key-like values in config text before it leaves main, and puts them back when masked text is saved.
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser'
import type { Node as JsonNode } from 'jsonc-parser'
import { maskSecret } from '../../../shared/llm'
import { secretRefName } from '../secrets/types'
import type { JsonPath } from './json-text'

/** Property names whose string values are credentials (api_key_override, token, Authorization…). */
const SECRET_NAME = /(api[_-]?key|token|secret|password|passwd|authorization|credential)/i

function isSecretPath(path: JsonPath): boolean {
  const name = path.at(-1)
  const parent = path.at(-2)
  if (typeof name !== 'string') return false
  // Every header value may carry credentials (Authorization, X-Api-Key, Cookie…).
  return SECRET_NAME.test(name) || parent === 'headers'
}

/** A value worth hiding: not empty, not a `secret:NAME` or `env:NAME` reference. */
function isPlainSecret(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim() !== '' &&
    secretRefName(value) === undefined &&
    !/^env:/i.test(value)
  )
}

interface SecretSpot {
  path: JsonPath
  node: JsonNode
}

function secretSpots(root: JsonNode | undefined): SecretSpot[] {
  const spots: SecretSpot[] = []
  const walk = (node: JsonNode, path: JsonPath) => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (key === undefined || value === undefined) continue
        walk(value, [...path, String(key.value)])
      }
    } else if (node.type === 'array') {
      ;(node.children ?? []).forEach((child, i) => walk(child, [...path, i]))
    } else if (node.type === 'string' && isSecretPath(path) && isPlainSecret(node.value)) {
      spots.push({ path, node })
    }
  }
  if (root) walk(root, [])
  return spots
}

/** The mask shown for a stored value; stable, so a masked value can be recognised on the way back. */
export function maskedForm(value: string): string {
  return maskSecret(value) ?? ''
}

/** `text` with every key-like string value masked; text that is not JSON comes back unchanged. */
export function maskJsonSecrets(text: string): string {
  const root = parseTree(text)
  let out = text
  // From the end backwards so earlier offsets stay valid.
  for (const { node } of secretSpots(root).reverse()) {
    const masked = JSON.stringify(maskedForm(String(node.value)))
    out = out.slice(0, node.offset) + masked + out.slice(node.offset + node.length)
  }
  return out
}

/**
 * `incoming` with masked values put back: where `incoming` holds exactly the mask of what `onDisk`
 * has at the same path, the real value returns. Anything the user typed stays as typed.
 */
export function restoreMaskedSecrets(incoming: string, onDisk: string): string {
  const diskRoot = parseTree(onDisk)
  if (diskRoot === undefined) return incoming
  let out = incoming
  for (const { path, node } of secretSpots(parseTree(incoming))) {
    const original = findNodeAtLocation(diskRoot, path)?.value as unknown
    if (!isPlainSecret(original) || maskedForm(original) !== node.value) continue
    out = applyEdits(out, modify(out, path, original, {}))
  }
  return out
}

const DOTENV_LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\s*=\s*)(.*)$/
const DOTENV_SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|AUTH|CREDENTIAL)/i

/** A .env file with the values of key-like variables masked (quotes dropped from masked values). */
export function maskDotenvSecrets(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = DOTENV_LINE.exec(line)
      if (!match) return line
      const [, lead = '', name = '', eq = '', raw = ''] = match
      const value = raw.trim().replace(/^(['"])(.*)\1$/, '$2')
      if (!DOTENV_SECRET_NAME.test(name) || value === '') return line
      return `${lead}${name}${eq}${maskedForm(value)}`
    })
    .join('\n')
}

const YAML_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*:\s+)(.*)$/

/**
 * A YAML file (models/*.yaml) with the values of key-like properties masked, line by line: mindX's
 * files hold flat `api_key: …` lines; `*_env` names (`api_key_env: ANTHROPIC_API_KEY`) stay.
 */
export function maskYamlSecrets(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = YAML_LINE.exec(line)
      if (!match) return line
      const [, lead = '', name = '', colon = '', raw = ''] = match
      const value = raw
        .replace(/\s+#.*$/, '')
        .trim()
        .replace(/^(['"])(.*)\1$/, '$2')
      if (!SECRET_NAME.test(name) || /_env$/i.test(name) || !isPlainSecret(value)) return line
      if (/^(true|false|null|~|[|>].*)$/i.test(value)) return line
      return `${lead}${name}${colon}${maskedForm(value)}`
    })
    .join('\n')
}
