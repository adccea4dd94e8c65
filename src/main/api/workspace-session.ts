// The open workspace and the services built for it; switching workspace rebuilds them.
import type { LlmFactory } from '../services/factory'
import { createLlmFactory, ResilienceRegistry } from '../services/factory'
import type { SecretStore } from '../services/secrets'

export type EnvRecord = Record<string, string | undefined>

export interface WorkspaceServices {
  workspace: string
  factory: LlmFactory
  secrets: SecretStore
  /** The environment the factory reads (config services re-read the workspace with it). */
  env: EnvRecord
}

export interface FactoryOptions {
  workspace: string
  env?: EnvRecord
  fetch?: typeof fetch
  secrets?: SecretStore
  resilience?: ResilienceRegistry
}

export interface WorkspaceSessionOptions {
  workspace: string
  /** Where keys saved in the app live: safeStorage in Electron, a 0600 file in serve mode. */
  createSecrets: (workspace: string) => SecretStore
  env?: EnvRecord
  fetch?: typeof fetch
  /** Tests replace the factory; the app uses createLlmFactory. */
  createFactory?: (options: FactoryOptions) => LlmFactory
  /** Budgets, cooldowns and circuits; by default one for the session (the process), kept across workspaces. */
  resilience?: ResilienceRegistry
}

export interface WorkspaceSession {
  readonly current: WorkspaceServices
  /** The fetch services use (tests inject one); undefined means the global fetch. */
  readonly fetch: typeof fetch | undefined
  /** Points every later call at another workspace folder. */
  open(workspace: string): WorkspaceServices
}

export function createWorkspaceSession(options: WorkspaceSessionOptions): WorkspaceSession {
  const createFactory = options.createFactory ?? createLlmFactory
  const resilience = options.resilience ?? new ResilienceRegistry()
  const build = (workspace: string): WorkspaceServices => {
    const secrets = options.createSecrets(workspace)
    return {
      workspace,
      secrets,
      env: options.env ?? process.env,
      factory: createFactory({
        workspace,
        secrets,
        resilience,
        ...(options.env ? { env: options.env } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    }
  }
  let current = build(options.workspace)
  return {
    get current() {
      return current
    },
    fetch: options.fetch,
    open(workspace) {
      current = build(workspace)
      return current
    },
  }
}
