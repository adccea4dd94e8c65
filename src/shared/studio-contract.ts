// The Providers / Config / Cloud Run slice of the contract: config:*, providers:*, catalog:* methods.
import { z } from 'zod'
import { CATALOG_TIERS } from './catalog'
import type { TypeTag } from './contract'
import { BUILT_IN_PROVIDER_NAMES, CUSTOM_PROTOCOLS, providerNameSchema } from './providers'
import type { ProviderSummary } from './providers'
import { baseUrlCredentialMessage, urlCredentialOf } from './redaction'
import type {
  CatalogOverview,
  ConfigDocument,
  ConfigSourceFile,
  ConfigValidation,
  ConnectionTestResult,
  OpenInEditorResult,
  ProvidersOverview,
} from './studio-config'
import { WRITE_LAYERS } from './studio-config'

function returns<T>(): TypeTag<T> {
  return {}
}

/** A whole factory json as typed in the editor (files stay far below this). */
const configText = z.string().max(2_000_000)
const jsonPath = z.array(z.union([z.string().max(200), z.number().int().nonnegative()])).max(32)
const providerName = providerNameSchema
/** A setting typed into a form: a string sets it, null (or blank) clears it, absent leaves it. */
const settingText = z
  .string()
  .trim()
  .max(4096)
  .nullable()
  .optional()
  .transform((value) => (value === '' ? null : value))
const headerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'A header name has no spaces or colons')
  .max(200)
const catalogId = z.string().trim().min(1).max(200)
const httpUrl = z
  .string()
  .trim()
  .max(4096)
  .regex(/^https?:\/\/\S+$/i, 'Enter an http:// or https:// URL')
  .superRefine((value, ctx) => {
    const credential = urlCredentialOf(value)
    if (credential !== undefined) ctx.addIssue(baseUrlCredentialMessage(credential))
  })
/** Header values typed into the app: stored in the SecretStore, the json gets `secret:NAME`. */
const headerValues = z.record(
  headerName,
  z
    .string()
    .min(1)
    .max(8192)
    .regex(/^[^\r\n\0]*$/, 'A header value is one line: no line breaks'),
)
/** What the Providers form holds but has not saved: Test connection tries it, nothing stores it. */
const unsavedProviderSettings = z.strictObject({
  model: z.string().trim().min(1).max(4096).optional(),
  baseUrl: httpUrl.optional(),
  apiKey: z.string().trim().min(1).max(4096).optional(),
  headers: headerValues.optional(),
  removeHeaders: z.array(headerName).max(100).optional(),
})

export const customEndpointInput = z.strictObject({
  name: providerNameSchema.refine(
    (name) => !BUILT_IN_PROVIDER_NAMES.includes(name),
    'That is a built-in provider: give the endpoint another name',
  ),
  protocol: z.enum(CUSTOM_PROTOCOLS).default('openai-compatible'),
  displayName: z.string().trim().min(1).max(200).optional(),
  baseUrl: httpUrl,
  /** Stored in the SecretStore under the endpoint's name; the json gets `secret:<name>`. */
  apiKey: z.string().trim().min(1).max(4096).optional(),
  headers: headerValues.optional(),
  defaultModel: z.string().trim().min(1).max(300).optional(),
})
export type CustomEndpointInput = z.output<typeof customEndpointInput>

export const catalogEntryInput = z.strictObject({
  id: catalogId,
  ollama_name: z.string().trim().min(1).max(300),
  type: z.string().trim().max(100),
  est_memory_needed_gb: z.number().nonnegative().max(1024),
  notes: z.string().trim().max(2000).optional(),
})
export type CatalogEntryInput = z.infer<typeof catalogEntryInput>

export const studioMethods = {
  'config:read': {
    summary: 'The factory json as text (keys masked), its path and whether it exists.',
    input: z.strictObject({}),
    output: returns<ConfigDocument>(),
    errors: ['config_invalid'],
  },
  'config:validate': {
    summary: 'Checks factory json text (JSON + schema); the first problem at line:col.',
    input: z.strictObject({ text: configText }),
    output: returns<ConfigValidation>(),
    errors: [],
  },
  'config:save': {
    summary:
      'Validates and saves the factory json atomically (keeps .bak); refused when invalid, or as a conflict when the file changed since `baseRevision` was read.',
    input: z.strictObject({
      text: configText,
      /** The `revision` of the document the edits started from (config:read, config:changed). */
      baseRevision: z.string().min(1).max(100),
    }),
    output: returns<ConfigDocument>(),
    errors: ['config_invalid', 'conflict'],
  },
  'config:applyEdit': {
    summary: 'Sets (or, without value, removes) one value in json text, keeping its formatting.',
    input: z.strictObject({ text: configText, path: jsonPath, value: z.json().optional() }),
    output: returns<{ text: string }>(),
    errors: ['config_invalid'],
  },
  'config:sources': {
    summary: 'The global config files and .env, read-only, with key-like values masked.',
    input: z.strictObject({}),
    output: returns<ConfigSourceFile[]>(),
    errors: ['config_invalid'],
  },
  'config:openInEditor': {
    summary:
      'Opens a workspace config file in the system editor (Electron); serve mode only says where.',
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: returns<OpenInEditorResult>(),
    errors: ['config_invalid', 'not_found'],
  },
  'providers:list': {
    summary: 'One card per provider (effective values with provenance, keys masked) and the order.',
    input: z.strictObject({}),
    output: returns<ProvidersOverview>(),
    errors: ['config_invalid'],
  },
  'providers:registry': {
    summary:
      'Every provider of this workspace (built-in and custom endpoints): name, display name, protocol.',
    input: z.strictObject({}),
    output: returns<ProviderSummary[]>(),
    errors: ['config_invalid'],
  },
  'providers:update': {
    summary:
      "Writes a provider's model / base URL / key (to the SecretStore) / headers to a layer.",
    input: z.strictObject({
      provider: providerName,
      layer: z.enum(WRITE_LAYERS).default('factory-config'),
      model: settingText,
      baseUrl: settingText
        .refine(
          (value) => value == null || /^https?:\/\/\S+$/i.test(value),
          'Enter an http:// or https:// URL',
        )
        .superRefine((value, ctx) => {
          const credential = value == null ? undefined : urlCredentialOf(value)
          if (credential !== undefined) ctx.addIssue(baseUrlCredentialMessage(credential))
        }),
      apiKey: settingText,
      /** Headers to add or replace: values go to the SecretStore, the json gets `secret:NAME`. */
      headers: headerValues.optional(),
      removeHeaders: z.array(headerName).max(100).optional(),
    }),
    output: returns<ProvidersOverview>(),
    errors: ['config_invalid', 'not_found'],
  },
  'providers:addCustom': {
    summary:
      'Adds (or replaces) a custom endpoint in custom_providers; key and header values go to the SecretStore.',
    input: customEndpointInput,
    output: returns<ProvidersOverview>(),
    errors: ['config_invalid'],
  },
  'providers:removeCustom': {
    summary:
      'Removes a custom endpoint from custom_providers and its stored key and header values.',
    input: z.strictObject({ name: providerNameSchema }),
    output: returns<ProvidersOverview>(),
    errors: ['config_invalid', 'not_found'],
  },
  'providers:setOrder': {
    summary: 'Writes default_provider_preference_order (names without a handler are kept).',
    input: z.strictObject({ order: z.array(z.string().trim().min(1).max(100)).max(50) }),
    output: returns<ProvidersOverview>(),
    errors: ['config_invalid'],
  },
  'providers:test': {
    summary:
      'A tiny real call (list models) with latency, or the typed error and what to do next; with `unsaved`, of what the form holds, written nowhere and never echoed.',
    input: z.strictObject({ provider: providerName, unsaved: unsavedProviderSettings.optional() }),
    output: returns<ConnectionTestResult>(),
    errors: ['config_invalid', 'not_found'],
  },
  'catalog:list': {
    summary:
      'The merged Cloud Run catalog, the pick and why, and what the Ollama host has installed.',
    input: z.strictObject({}),
    output: returns<CatalogOverview>(),
    errors: ['config_invalid'],
  },
  'catalog:saveEntry': {
    summary: "Adds or replaces an entry in the json's cloud_run_friendly_models tier (by id).",
    input: z.strictObject({
      tier: z.enum(CATALOG_TIERS),
      entry: catalogEntryInput,
      /** The id being edited, when the edit renames it. */
      previousId: catalogId.optional(),
    }),
    output: returns<CatalogOverview>(),
    errors: ['config_invalid'],
  },
  'catalog:removeEntry': {
    summary: 'Removes an entry from the json (a built-in entry falls back to its default values).',
    input: z.strictObject({ id: catalogId }),
    output: returns<CatalogOverview>(),
    errors: ['config_invalid', 'not_found'],
  },
  'catalog:setOrder': {
    summary: 'Writes default_coding_preference_order or default_general_preference_order.',
    input: z.strictObject({
      order: z.enum(['coding', 'general']),
      ids: z.array(catalogId).max(500),
    }),
    output: returns<CatalogOverview>(),
    errors: ['config_invalid'],
  },
  'catalog:makeDefault': {
    summary: 'Writes ollama_settings_for_factory.default_model_override (null clears it).',
    input: z.strictObject({ ollamaName: z.string().trim().min(1).max(300).nullable() }),
    output: returns<CatalogOverview>(),
    errors: ['config_invalid'],
  },
} as const

export const studioEvents = {
  /** The factory json changed on disk (another editor, git pull, another screen); text masked. */
  'config:changed': returns<ConfigDocument>(),
} as const
