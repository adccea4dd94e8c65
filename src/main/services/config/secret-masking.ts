// Masks key-like values in config text before it leaves main, and puts them back when masked text is saved.
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser'
import type { Node as JsonNode } from 'jsonc-parser'
import { maskSecret } from '../../../shared/llm'
import { redactSecrets } from '../../../shared/redaction'
import { secretRefName } from '../secrets/types'
import type { JsonPath } from './json-text'

/**
 * Property names whose string values are credentials: api_key_override, token, Authorization,
 * password/pwd, private_key, access_key, a DSN or connection string, a webhook URL (its path is
 * the secret).
 */
const SECRET_NAME =
  /(api[_-]?key|token|secret|passw(or)?d|^pwd$|_pwd$|authorization|credential|private[_-]?key|access[_-]?key|dsn|connection[_-]?string|webhook)/i

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

/**
 * What `value` at `path` is shown as, or undefined when it is not secret: a credential-named value
 * is masked whole; any other string loses only the credentials inside it (`postgres://u:…@h`,
 * `?key=…`, a `gsk_…` key).
 */
function maskedValue(path: JsonPath, value: unknown): string | undefined {
  if (isSecretPath(path) && isPlainSecret(value)) return maskedForm(value)
  if (typeof value !== 'string') return undefined
  const redacted = redactSecrets(value)
  return redacted === value ? undefined : redacted
}

interface StringSpot {
  path: JsonPath
  node: JsonNode
}

function stringSpots(root: JsonNode | undefined): StringSpot[] {
  const spots: StringSpot[] = []
  const walk = (node: JsonNode, path: JsonPath) => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (key === undefined || value === undefined) continue
        walk(value, [...path, String(key.value)])
      }
    } else if (node.type === 'array') {
      ;(node.children ?? []).forEach((child, i) => walk(child, [...path, i]))
    } else if (node.type === 'string') {
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
  let out = text
  // From the end backwards so earlier offsets stay valid.
  for (const { path, node } of stringSpots(parseTree(text)).reverse()) {
    const masked = maskedValue(path, node.value)
    if (masked === undefined) continue
    out = out.slice(0, node.offset) + JSON.stringify(masked) + out.slice(node.offset + node.length)
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
  for (const { path, node } of stringSpots(parseTree(incoming))) {
    const original = findNodeAtLocation(diskRoot, path)?.value as unknown
    if (typeof original !== 'string' || original === node.value) continue
    if (maskedValue(path, original) !== node.value) continue
    out = applyEdits(out, modify(out, path, original, {}))
  }
  return out
}

const DOTENV_LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\s*=\s*)(.*)$/
const DOTENV_SECRET_NAME =
  /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|AUTH|CREDENTIAL|DSN|CONNECTION_STRING|WEBHOOK)/i

/**
 * A .env file with the values of key-like variables masked (quotes dropped from masked values),
 * and credentials inside any other value (a database URL's password) removed.
 */
export function maskDotenvSecrets(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = DOTENV_LINE.exec(line)
      if (!match) return line
      const [, lead = '', name = '', eq = '', raw = ''] = match
      const value = raw.trim().replace(/^(['"])(.*)\1$/, '$2')
      if (value === '') return line
      if (DOTENV_SECRET_NAME.test(name)) return `${lead}${name}${eq}${maskedForm(value)}`
      const redacted = redactSecrets(value)
      return redacted === value ? line : `${lead}${name}${eq}${redacted}`
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
