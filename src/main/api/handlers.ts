// The implementation table behind the contract: each method calls the current workspace's services.
import type { Transport } from '../../shared/contract'
import { createBenchHandlers } from './bench-handlers'
import { createChatHandlers } from './chat-handlers'
import type { ApiHandlers } from './dispatch'
import type { AppEventBus } from './event-bus'
import { createOllamaAdminHandlers } from './ollama-handlers'
import { createPresetHandlers } from './preset-handlers'
import { createResilienceHandlers } from './resilience-handlers'
import { createStudioHandlers } from './studio-handlers'
import type { OllamaVersionProbe } from './ollama-status'
import { ollamaAdminVersion, readOllamaStatus } from './ollama-status'
import { createWorkspaceHandlers } from './workspace-handlers'
import type { WorkspaceSession } from './workspace-session'
import type { WorkspaceSwitcher } from './workspace-switcher'

export interface ApiHandlerDeps {
  session: WorkspaceSession
  version: string
  transport: Transport
  ollamaProbe?: OllamaVersionProbe
  /** Main → renderer pushes (pull progress, stream deltas); IPC and SSE forward every event. */
  events?: AppEventBus
  /** Opens a file in the system's editor (Electron: shell.openPath); absent in serve mode. */
  openPath?: (path: string) => Promise<string>
  /** The app's config/ templates (shipped example suites live in its bench/). */
  templatesDir?: string
  /** workspace:list / workspace:open; default: the starting workspace only, recent list in memory. */
  workspaces?: WorkspaceSwitcher
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const probe = deps.ollamaProbe ?? ollamaAdminVersion(deps.session.fetch)
  return {
    'app:info': () =>
      Promise.resolve({
        workspace: deps.session.current.workspace,
        version: deps.version,
        transport: deps.transport,
      }),
    ...createChatHandlers(deps),
    ...createPresetHandlers(deps.session),
    'ollama:status': ({ host }) => readOllamaStatus(deps.session.current.factory, probe, { host }),
    ...createOllamaAdminHandlers({ session: deps.session, events: deps.events }),
    // factory:resolve is there too: it starts the config watcher.
    ...createStudioHandlers(deps),
    ...createBenchHandlers(deps),
    ...createResilienceHandlers(deps.session),
    ...createWorkspaceHandlers(deps),
  }
}
