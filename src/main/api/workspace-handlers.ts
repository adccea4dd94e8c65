// workspace:* — the switcher's list and open; by default only the starting workspace is allowed.
import { MemoryRecentWorkspaces } from '../workspace/recent-workspaces'
import type { ApiHandlerDeps } from './handlers'
import type { WorkspaceSwitcher } from './workspace-switcher'
import { createWorkspaceSwitcher } from './workspace-switcher'

/** Serve mode and Electron pass their own; tests and embedders get the safe default. */
export function defaultWorkspaceSwitcher(deps: ApiHandlerDeps): WorkspaceSwitcher {
  return createWorkspaceSwitcher({
    session: deps.session,
    allowedRoots: [deps.session.current.workspace],
    recent: new MemoryRecentWorkspaces(),
    version: deps.version,
    transport: deps.transport,
    ...(deps.events ? { events: deps.events } : {}),
  })
}

export function createWorkspaceHandlers(deps: ApiHandlerDeps) {
  const switcher = deps.workspaces ?? defaultWorkspaceSwitcher(deps)
  return {
    'workspace:list': () => switcher.overview(),
    'workspace:open': ({ path }: { path: string }) => switcher.open(path),
  }
}
