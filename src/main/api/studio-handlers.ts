// The Providers / Config / Cloud Run models (and deploy) handlers, spread into the app's handler table.
import type { MethodParsedInput } from '../../shared/contract'
import { createCatalogHandlers } from './catalog-handlers'
import { createConfigHandlers } from './config-handlers'
import { createDeployHandlers } from './deploy-handlers'
import type { ApiHandlerDeps } from './handlers'
import { createProvidersHandlers } from './providers-handlers'
import { createStudioContext } from './studio-context'

export function createStudioHandlers(deps: ApiHandlerDeps) {
  const context = createStudioContext(deps.session)
  const { watch, ...config } = createConfigHandlers({
    context,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.openPath ? { openPath: deps.openPath } : {}),
  })
  const providers = createProvidersHandlers(context)
  const catalog = createCatalogHandlers(context)
  return {
    ...config,
    ...providers,
    ...catalog,
    ...createDeployHandlers({ context, ...(deps.events ? { events: deps.events } : {}) }),
    // Any of the three screens opening, or the status bar asking for the default, starts the
    // watcher, so disk edits (and other screens' saves) reach every screen and the status bar.
    'factory:resolve': async (args: MethodParsedInput<'factory:resolve'>) => {
      await watch()
      return (await deps.session.current.factory.resolve(args)).view
    },
    'providers:list': async (input: Record<string, never>) => {
      await watch()
      return providers['providers:list'](input)
    },
    'catalog:list': async (input: Record<string, never>) => {
      await watch()
      return catalog['catalog:list'](input)
    },
  }
}
