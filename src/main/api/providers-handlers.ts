// providers:* — the registry, provider cards, writes to a chosen layer, custom endpoints, the connection test.
import type { ApiHandlers } from './dispatch'
import { AppError, redactSecrets } from './app-error'
import type { StudioContext } from './studio-context'
import type { WorkspaceConfig } from '../services/config/types'
import { editFactoryConfigFile, editJsonObjectFile } from '../services/config/json-file-edit'
import { confineToWorkspace } from '../services/config/workspace-paths'
import { testProviderConnection } from '../services/provider-settings/connection-test'
import {
  customEndpointSecretNames,
  customEndpointWrite,
} from '../services/provider-settings/custom-endpoints'
import {
  buildProvidersOverview,
  globalConfigWritePath,
} from '../services/provider-settings/overview'
import {
  headerSecrets,
  providerSettingsEdits,
  secretNameFor,
} from '../services/provider-settings/settings-edits'
import { buildProviderRegistry } from '../services/providers/registry'
import { maskSecret } from '../../shared/llm'
import { summarizeProvider } from '../../shared/providers'

export type ProvidersHandlers = Pick<
  ApiHandlers,
  | 'providers:list'
  | 'providers:registry'
  | 'providers:update'
  | 'providers:addCustom'
  | 'providers:removeCustom'
  | 'providers:setOrder'
  | 'providers:test'
>

/** `text` with each of `values` masked (a value shorter than 4 characters is left: too common). */
function withoutValues(text: string, values: readonly (string | undefined)[]): string {
  return values.reduce<string>(
    (masked, value) =>
      value !== undefined && value.length >= 4
        ? masked.replaceAll(value, maskSecret(value) ?? '…')
        : masked,
    text,
  )
}

/** Provider names are open strings: the workspace's registry decides which exist. */
function requireKnown(ws: WorkspaceConfig, provider: string): void {
  const registry = buildProviderRegistry(ws)
  if (registry.has(provider)) return
  const names = registry
    .list()
    .map((d) => d.name)
    .join(', ')
  throw new AppError('not_found', `Unknown provider "${provider}". This workspace has: ${names}.`)
}

export function createProvidersHandlers(context: StudioContext): ProvidersHandlers {
  const overview = async () => {
    const { services, ws } = await context.readConfig()
    return buildProvidersOverview({
      factory: services.factory,
      ws,
      secretStore: services.secrets.label,
    })
  }

  return {
    'providers:list': overview,
    'providers:registry': async () => {
      const { ws } = await context.readConfig()
      return buildProviderRegistry(ws).list().map(summarizeProvider)
    },
    'providers:update': async (change) => {
      await context.write(async (services) => {
        const { ws } = await context.readConfig()
        requireKnown(ws, change.provider)
        const secretName = secretNameFor(change.provider)
        const edits = providerSettingsEdits(change)
        const globalFile = globalConfigWritePath(ws.root)
        // Refused before anything is written: a linked mindx_config.json must not lead out.
        if (edits.global.length > 0) {
          await confineToWorkspace(ws.root, globalFile, 'The global config file')
        }
        // Keys and header values go to the SecretStore first: a failed json write then leaves no
        // dangling `secret:` reference, only an unused stored value.
        if (typeof change.apiKey === 'string') await services.secrets.set(secretName, change.apiKey)
        for (const [name, value] of Object.entries(
          headerSecrets(change.provider, change.headers ?? {}),
        )) {
          await services.secrets.set(name, value)
        }
        if (edits.factory.length > 0) await editFactoryConfigFile(ws.factory.path, edits.factory)
        if (edits.global.length > 0) await editJsonObjectFile(globalFile, edits.global)
        if (change.apiKey === null) await services.secrets.delete(secretName)
      })
      return overview()
    },
    'providers:addCustom': async (input) => {
      await context.write(async (services) => {
        const { ws } = await context.readConfig()
        const existing = ws.factory.data.custom_providers?.[input.name]
        const write = customEndpointWrite(input, existing)
        for (const [name, value] of Object.entries(write.secrets)) {
          await services.secrets.set(name, value)
        }
        await editFactoryConfigFile(ws.factory.path, [write.edit])
      })
      return overview()
    },
    'providers:removeCustom': async ({ name }) => {
      await context.write(async (services) => {
        const { ws } = await context.readConfig()
        const entry = ws.factory.data.custom_providers?.[name]
        if (entry === undefined) {
          throw new AppError('not_found', `No custom endpoint named "${name}" in custom_providers.`)
        }
        await editFactoryConfigFile(ws.factory.path, [
          { path: ['custom_providers', name], value: undefined },
        ])
        // Secrets go after the json no longer refers to them.
        for (const secret of customEndpointSecretNames(name, entry)) {
          await services.secrets.delete(secret)
        }
      })
      return overview()
    },
    'providers:setOrder': async ({ order }) => {
      await context.write(async () =>
        editFactoryConfigFile((await context.readConfig()).ws.factory.path, [
          { path: ['default_provider_preference_order'], value: order.length ? order : undefined },
        ]),
      )
      return overview()
    },
    'providers:test': async ({ provider, unsaved }) => {
      requireKnown((await context.readConfig()).ws, provider)
      const factory = context.session.current.factory
      const result = await testProviderConnection(factory, provider, { unsaved })
      if (result.ok) return result
      // The base URL may carry a credential (user:pass@, ?key=) that the message quotes; a typed
      // key or header value never goes back, whatever a server echoed of it.
      const typed = [unsaved?.apiKey, ...Object.values(unsaved?.headers ?? {})]
      const hide = (text: string) => withoutValues(redactSecrets(text), typed)
      return { ...result, message: hide(result.message), nextStep: hide(result.nextStep) }
    },
  }
}
