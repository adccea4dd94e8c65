// mindX's data/config/provider_registry.json: per provider its key / base-URL variables, `enabled` and rate limits.
import { join } from 'node:path'
import { z } from 'zod'
import type { MindxProviderEntry, ProviderRateLimits } from '../../../shared/providers'
import { parseJsonText } from './json-text'
import { isJsonObject } from './json-layers'
import { readConfigFile } from './read-config-file'

export const PROVIDER_REGISTRY_FILE_NAME = 'provider_registry.json'

const count = z.number().nonnegative().optional().catch(undefined)
const envName = z.string().trim().min(1).nullable().optional().catch(undefined)

/** Only the fields the app uses; everything else in an entry is mindX's own business. */
const entrySchema = z.looseObject({
  display_name: z.string().optional().catch(undefined),
  api_key_env_var: envName,
  base_url_env_var: envName,
  requires_api_key: z.boolean().optional().catch(undefined),
  enabled: z.boolean().optional().catch(undefined),
  default_rate_limit_rpm: count,
  default_rate_limit_rph: count,
  default_rate_limit_tpm: count,
  daily_request_cap: count,
  safety_margin_rpm: count,
})

/** Entries by provider name; empty when the file is missing or unreadable (global config warns). */
export async function readMindxProviderRegistry(
  root: string,
): Promise<ReadonlyMap<string, MindxProviderEntry>> {
  const file = join(root, 'data', 'config', PROVIDER_REGISTRY_FILE_NAME)
  const text = await readConfigFile(file)
  const entries = new Map<string, MindxProviderEntry>()
  if (text === undefined) return entries
  let data: unknown
  try {
    data = parseJsonText(text, file)
  } catch {
    return entries // a broken file is already a warning from loading global config
  }
  if (!isJsonObject(data)) return entries
  for (const [name, raw] of Object.entries(data)) {
    const parsed = entrySchema.safeParse(raw)
    if (!parsed.success) continue
    const e = parsed.data
    entries.set(name.toLowerCase(), {
      name: name.toLowerCase(),
      ...(e.display_name === undefined ? {} : { displayName: e.display_name }),
      apiKeyEnvVar: e.api_key_env_var ?? null,
      baseUrlEnvVar: e.base_url_env_var ?? null,
      ...(e.requires_api_key === undefined ? {} : { requiresApiKey: e.requires_api_key }),
      ...(e.enabled === undefined ? {} : { enabled: e.enabled }),
      limits: limitsOf(e),
      file,
    })
  }
  return entries
}

function limitsOf(e: z.infer<typeof entrySchema>): ProviderRateLimits {
  const limits: ProviderRateLimits = {}
  if (e.default_rate_limit_rpm !== undefined) limits.requestsPerMinute = e.default_rate_limit_rpm
  if (e.default_rate_limit_rph !== undefined) limits.requestsPerHour = e.default_rate_limit_rph
  if (e.daily_request_cap !== undefined) limits.requestsPerDay = e.daily_request_cap
  if (e.default_rate_limit_tpm !== undefined) limits.tokensPerMinute = e.default_rate_limit_tpm
  if (e.safety_margin_rpm !== undefined) limits.safetyMarginRpm = e.safety_margin_rpm
  return limits
}
