// providers:health / providers:resetHealth / failover:plan over the current workspace's factory.
import type { ApiHandlers } from './dispatch'
import { redactSecrets } from './app-error'
import type { WorkspaceSession } from './workspace-session'

export type ResilienceHandlers = Pick<
  ApiHandlers,
  'providers:health' | 'providers:resetHealth' | 'failover:plan'
>

export function createResilienceHandlers(session: WorkspaceSession): ResilienceHandlers {
  return {
    'providers:health': async () =>
      (await session.current.factory.health()).map((h) =>
        h.lastError
          ? { ...h, lastError: { ...h.lastError, message: redactSecrets(h.lastError.message) } }
          : h,
      ),
    'providers:resetHealth': ({ provider, baseUrl }) =>
      Promise.resolve({
        reset: session.current.factory.resetHealth({
          ...(provider === undefined ? {} : { provider }),
          ...(baseUrl === undefined ? {} : { baseUrl }),
        }),
      }),
    'failover:plan': ({ chain }) => session.current.factory.failoverPlan(chain),
  }
}
