// zod schemas for llm_factory_config.json and its Cloud Run catalog; unknown keys always pass through.
import { z } from 'zod'

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

export const factoryConfigSchema = z.looseObject({
  default_provider_preference_order: z.array(nonEmpty).optional(),
  ollama_settings_for_factory: ollamaFactorySettingsSchema.optional(),
  gemini_settings_for_factory: providerFactorySettingsSchema.optional(),
  groq_settings_for_factory: providerFactorySettingsSchema.optional(),
  mock_settings_for_factory: providerFactorySettingsSchema.optional(),
  provider_specific_handler_config: z
    .record(z.string(), z.looseObject({ default_model_for_api_call: optionalSetting }))
    .optional(),
})
export type FactoryConfig = z.infer<typeof factoryConfigSchema>
