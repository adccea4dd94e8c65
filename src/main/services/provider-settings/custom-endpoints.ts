// Adding and removing custom endpoints: the custom_providers entry, and which values go to the SecretStore.
import type { CustomProviderConfig } from '../../../shared/config-schema'
import type { CustomEndpointInput } from '../../../shared/studio-contract'
import type { JsonEdit } from '../config/json-file-edit'
import { secretRef, secretRefName } from '../secrets/types'
import { headerJsonValue, headerSecrets, secretNameFor } from './settings-edits'

export interface CustomEndpointWrite {
  /** Values to put in the SecretStore first (a failed json write then leaves no dangling ref). */
  secrets: Record<string, string>
  edit: JsonEdit
}

/**
 * The entry written to `custom_providers.<name>`: keys and header values only as `secret:` refs.
 * Replacing an entry keeps its key and headers when the input leaves them out (a blank key field
 * means "unchanged"), and any other keys it had.
 */
export function customEndpointWrite(
  input: CustomEndpointInput,
  existing?: CustomProviderConfig,
): CustomEndpointWrite {
  const headers = input.headers ?? {}
  const secrets = headerSecrets(input.name, headers)
  if (input.apiKey !== undefined) secrets[secretNameFor(input.name)] = input.apiKey
  const entry: CustomProviderConfig = {
    ...existing,
    ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
    protocol: input.protocol,
    base_url: input.baseUrl,
    ...(input.apiKey === undefined ? {} : { api_key: secretRef(secretNameFor(input.name)) }),
    ...(Object.keys(headers).length === 0
      ? {}
      : {
          headers: Object.fromEntries(
            Object.entries(headers).map(([name, value]) => [
              name,
              headerJsonValue(input.name, name, value),
            ]),
          ),
        }),
    ...(input.defaultModel === undefined ? {} : { default_model: input.defaultModel }),
  }
  return { secrets, edit: { path: ['custom_providers', input.name], value: entry } }
}

/**
 * Secrets the app stored for an entry (its key and header values), to delete with it. A reference
 * to a secret under another name (shared with another provider) is left alone.
 */
export function customEndpointSecretNames(name: string, entry: CustomProviderConfig): string[] {
  const refs = [entry.api_key, ...Object.values(entry.headers ?? {})]
  return refs
    .map(secretRefName)
    .filter((ref): ref is string => ref !== undefined)
    .filter((ref) => ref === secretNameFor(name) || ref.startsWith(`${name}-header-`))
}
