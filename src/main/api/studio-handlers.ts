// The Providers / Config / Cloud Run models (and deploy) handlers, spread into the app's handler table.
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
    // Any of the three screens opening starts the watcher, so disk edits reach all of them.
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
