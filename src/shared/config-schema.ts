// zod schemas for llm_factory_config.json and its Cloud Run catalog; unknown keys always pass through.
import { z } from 'zod'
import { builtInProvider, CUSTOM_PROTOCOLS, isValidProviderName } from './providers'

const nonEmpty = z.string().trim().min(1)

export const catalogEntrySchema = z.looseObject({
  id: nonEmpty,
  ollama_name: nonEmpty,
  type: z.string(),
  est_memory_needed_gb: z.number().nonnegative(),
  notes: z.string().optional(),
})
export type CatalogEntryConfig = z.infer<typeof catalogEntrySchema>

export const cloudRunModelsSchema = z.looseObject({
  excellent_fit: z.array(catalogEntrySchema).optional(),
  good_fit: z.array(catalogEntrySchema).optional(),
  default_coding_preference_order: z.array(nonEmpty).optional(),
  default_general_preference_order: z.array(nonEmpty).optional(),
})
export type CloudRunModelsConfig = z.infer<typeof cloudRunModelsSchema>

/** Empty strings in overrides mean "not set", as in mindX's shipped example. */
const optionalSetting = z.string().optional()

export const providerFactorySettingsSchema = z.looseObject({
  default_model_override: optionalSetting,
  api_key_override: optionalSetting,
  base_url_override: optionalSetting,
  /** Extra HTTP headers for every request (e.g. Authorization for a secured remote Ollama). */
  headers: z.record(z.string(), z.string()).optional(),
})
export type ProviderFactorySettings = z.infer<typeof providerFactorySettingsSchema>

export const ollamaFactorySettingsSchema = providerFactorySettingsSchema.extend({
  cloud_run_friendly_models: cloudRunModelsSchema.optional(),
})

/** A value that may be plain or a `secret:NAME` reference to the app's SecretStore. */
const maybeSecret = z.string()

/** One custom endpoint under `custom_providers.<name>` (its overrides use `<name>_settings_for_factory`). */
export const customProviderSchema = z.looseObject({
  display_name: z.string().trim().min(1).optional(),
  protocol: z.enum(CUSTOM_PROTOCOLS),
  base_url: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'expected an http:// or https:// URL'),
  api_key: maybeSecret.optional(),
  headers: z.record(z.string(), maybeSecret).optional(),
  default_model: z.string().trim().min(1).optional(),
  auth: z.literal('gcloud-identity-token').optional(),
})
export type CustomProviderConfig = z.infer<typeof customProviderSchema>

export const customProvidersSchema = z
  .record(z.string(), customProviderSchema)
  .superRefine((record, ctx) => {
    for (const name of Object.keys(record)) {
      if (!isValidProviderName(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `"${name}" is not a valid provider name: use lowercase letters, digits, _ and - (at most 64)`,
        })
      } else if (builtInProvider(name) !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `"${name}" is a built-in provider: give the custom endpoint another name`,
        })
      }
    }
  })

const SETTINGS_SUFFIX = '_settings_for_factory'

export const factoryConfigSchema = z
  .looseObject({
    default_provider_preference_order: z.array(nonEmpty).optional(),
    ollama_settings_for_factory: ollamaFactorySettingsSchema.optional(),
    custom_providers: customProvidersSchema.optional(),
    provider_specific_handler_config: z
      .record(z.string(), z.looseObject({ default_model_for_api_call: optionalSetting }))
      .optional(),
  })
  .superRefine((config, ctx) => {
    // Every provider's `<name>_settings_for_factory` has the same shape, custom ones included.
    for (const [key, value] of Object.entries(config)) {
      if (!key.endsWith(SETTINGS_SUFFIX) || key === 'ollama_settings_for_factory') continue
      const result = providerFactorySettingsSchema.safeParse(value)
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message })
      }
    }
  })
export type FactoryConfig = z.infer<typeof factoryConfigSchema>

/** `<provider>_settings_for_factory` of a parsed factory json, `{}` when absent or not an object. */
export function providerSettingsIn(
  config: FactoryConfig,
  provider: string,
): ProviderFactorySettings {
  const value: unknown = config[`${provider}${SETTINGS_SUFFIX}`]
  const parsed = providerFactorySettingsSchema.safeParse(value ?? {})
  return parsed.success ? parsed.data : {}
}
