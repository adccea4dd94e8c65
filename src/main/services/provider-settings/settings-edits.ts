// Turns "set this provider's model / base URL / key / headers in that layer" into json edits.
import type { ProviderName } from '../../../shared/llm'
import type { WriteLayer } from '../../../shared/studio-config'
import type { JsonEdit } from '../config/json-file-edit'
import { secretRef, secretRefName } from '../secrets/types'

/** One change per field: a string sets it, null clears it, undefined leaves it alone. */
export interface ProviderSettingsChange {
  provider: ProviderName
  layer: WriteLayer
  model?: string | null
  baseUrl?: string | null
  /** Stored in the SecretStore under the provider's name; the json gets `secret:<provider>`. */
  apiKey?: string | null
  /** Headers to add or replace (values go to the SecretStore, see `headerSecrets`); the others stay. */
  headers?: Record<string, string>
  removeHeaders?: string[]
}

const FACTORY_FIELDS = {
  model: 'default_model_override',
  baseUrl: 'base_url_override',
  apiKey: 'api_key_override',
} as const

const GLOBAL_FIELDS = { model: 'default_model', baseUrl: 'base_url', apiKey: 'api_key' } as const

/** The SecretStore name for a provider's key. */
export function secretNameFor(provider: ProviderName): string {
  return provider
}

/** The SecretStore name for one header value of a provider (`ollama-header-authorization`). */
export function headerSecretName(provider: ProviderName, header: string): string {
  return `${provider}-header-${header.toLowerCase()}`
}

/**
 * The header values to store, by secret name: every typed value except a `secret:NAME` reference
 * the user typed themselves, which goes to the json as it is.
 */
export function headerSecrets(
  provider: ProviderName,
  headers: Readonly<Record<string, string>>,
): Record<string, string> {
  const stored: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!isReference(value)) stored[headerSecretName(provider, name)] = value
  }
  return stored
}

/** What the json holds for a typed header value: a `secret:` reference, or the reference typed. */
export function headerJsonValue(provider: ProviderName, name: string, value: string): string {
  return isReference(value) ? value : secretRef(headerSecretName(provider, name))
}

function isReference(value: string): boolean {
  return secretRefName(value) !== undefined
}

/** Json edits per file: headers always go to the factory json (global config has no such key). */
export interface ProviderSettingsEdits {
  factory: JsonEdit[]
  global: JsonEdit[]
}

export function providerSettingsEdits(change: ProviderSettingsChange): ProviderSettingsEdits {
  const { provider, layer } = change
  const factoryPath = (name: string): string[] => [`${provider}_settings_for_factory`, name]
  const edits: ProviderSettingsEdits = { factory: [], global: [] }
  const put = (field: keyof typeof FACTORY_FIELDS, value: string | null | undefined) => {
    if (value === undefined) return
    const edit = { value: value === null ? undefined : value }
    if (layer === 'factory-config') {
      edits.factory.push({ path: factoryPath(FACTORY_FIELDS[field]), ...edit })
    } else {
      edits.global.push({ path: ['llm', provider, GLOBAL_FIELDS[field]], ...edit })
    }
  }
  put('model', change.model)
  put('baseUrl', change.baseUrl)
  if (change.apiKey !== undefined) {
    put('apiKey', change.apiKey === null ? null : secretRef(secretNameFor(provider)))
  }
  for (const name of change.removeHeaders ?? []) {
    edits.factory.push({ path: [...factoryPath('headers'), name], value: undefined })
  }
  for (const [name, value] of Object.entries(change.headers ?? {})) {
    edits.factory.push({
      path: [...factoryPath('headers'), name],
      value: headerJsonValue(provider, name, value),
    })
  }
  return edits
}
