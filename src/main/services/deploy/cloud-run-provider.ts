// A deployed service becomes a provider: the `custom_providers.<name>` entry in llm_factory_config.json.
import { normalizeHostUrl } from '../../../shared/ollama'
import { editFactoryConfigFile } from '../config/json-file-edit'

export interface CloudRunProviderInput {
  /** Provider name = Cloud Run service name (lowercase letters, digits, hyphens). */
  name: string
  url: string
  /** The Ollama model the service serves. */
  model: string
}

export interface CustomProviderEntry {
  display_name: string
  protocol: 'ollama'
  base_url: string
  auth: 'gcloud-identity-token'
  default_model: string
}

export function cloudRunProviderEntry(input: CloudRunProviderInput): CustomProviderEntry {
  return {
    display_name: `${input.name} (Cloud Run)`,
    protocol: 'ollama',
    base_url: normalizeHostUrl(input.url),
    auth: 'gcloud-identity-token',
    default_model: input.model,
  }
}

/** Writes (or replaces) the entry, keeping the rest of the file as it was. */
export async function addCloudRunProvider(
  factoryConfigPath: string,
  input: CloudRunProviderInput,
): Promise<CustomProviderEntry> {
  const entry = cloudRunProviderEntry(input)
  await editFactoryConfigFile(factoryConfigPath, [
    { path: ['custom_providers', input.name], value: entry },
  ])
  return entry
}
