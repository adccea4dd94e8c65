// providers:* — provider cards, writes of model / base URL / key / headers to a chosen layer, the test.
import type { ApiHandlers } from './dispatch'
import { redactSecrets } from './app-error'
import type { StudioContext } from './studio-context'
import { editFactoryConfigFile, editJsonObjectFile } from '../services/config/json-file-edit'
import { confineToWorkspace } from '../services/config/workspace-paths'
import { testProviderConnection } from '../services/provider-settings/connection-test'
import {
  buildProvidersOverview,
  globalConfigWritePath,
} from '../services/provider-settings/overview'
import { providerSettingsEdits, secretNameFor } from '../services/provider-settings/settings-edits'

export type ProvidersHandlers = Pick<
  ApiHandlers,
  'providers:list' | 'providers:update' | 'providers:setOrder' | 'providers:test'
>

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
    'providers:update': async (change) => {
      await context.write(async (services) => {
        const { ws } = await context.readConfig()
        const secretName = secretNameFor(change.provider)
        const edits = providerSettingsEdits(change)
        const globalFile = globalConfigWritePath(ws.root)
        // Refused before anything is written: a linked mindx_config.json must not lead out.
        if (edits.global.length > 0) {
          await confineToWorkspace(ws.root, globalFile, 'The global config file')
        }
        // The key goes to the SecretStore first: a failed json write then leaves no dangling
        // `secret:` reference, only an unused stored key.
        if (typeof change.apiKey === 'string') await services.secrets.set(secretName, change.apiKey)
        if (edits.factory.length > 0) await editFactoryConfigFile(ws.factory.path, edits.factory)
        if (edits.global.length > 0) await editJsonObjectFile(globalFile, edits.global)
        if (change.apiKey === null) await services.secrets.delete(secretName)
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
    'providers:test': async ({ provider }) => {
      const result = await testProviderConnection(context.session.current.factory, provider)
      if (result.ok) return result
      // The base URL may carry a credential (user:pass@, ?key=) that the message quotes.
      return {
        ...result,
        message: redactSecrets(result.message),
        nextStep: redactSecrets(result.nextStep),
      }
    },
  }
}
