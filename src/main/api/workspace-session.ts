// The open workspace and the services built for it; switching workspace rebuilds them.
import { join, resolve } from 'node:path'
import { CONVERSATIONS_DIR } from '../services/chat/conversation-store'
import { removeStaleTempFiles } from '../services/config/atomic-write'
import { PRIVATE_DIR } from '../services/config/workspace-paths'
import type { LlmFactory } from '../services/factory'
import { GcloudCli, GcloudIdentityTokenSource } from '../services/deploy'
import { createLlmFactory, ResilienceRegistry } from '../services/factory'
import type { IdentityTokenSource } from '../services/providers/identity-token'
import type { SecretStore } from '../services/secrets'

export type EnvRecord = Record<string, string | undefined>

export interface WorkspaceServices {
  workspace: string
  factory: LlmFactory
  secrets: SecretStore
  /** The environment the factory reads (config services re-read the workspace with it). */
  env: EnvRecord
  /** Removing the temp files a killed save left behind (started when the workspace opens). */
  tempCleanup: Promise<string[]>
}

export interface FactoryOptions {
  workspace: string
  env?: EnvRecord
  fetch?: typeof fetch
  secrets?: SecretStore
  /** Identity tokens for Cloud Run providers (`auth: "gcloud-identity-token"`), from gcloud. */
  identityTokens?: IdentityTokenSource
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

/** Where the app's atomic saves leave temp files when killed mid-way. */
function workspaceTempDirs(workspace: string): string[] {
  const root = resolve(workspace)
  const configDir = join(root, 'data', 'config')
  return [root, configDir, join(root, PRIVATE_DIR), join(root, CONVERSATIONS_DIR)]
}

export function createWorkspaceSession(options: WorkspaceSessionOptions): WorkspaceSession {
  const createFactory = options.createFactory ?? createLlmFactory
  // One token cache for the whole session: tokens are per service URL, not per workspace.
  const identityTokens = new GcloudIdentityTokenSource({
    gcloud: new GcloudCli(options.env ?? process.env),
  })
  const resilience = options.resilience ?? new ResilienceRegistry()
  const build = (workspace: string): WorkspaceServices => {
    const secrets = options.createSecrets(workspace)
    return {
      workspace,
      secrets,
      tempCleanup: removeStaleTempFiles(workspaceTempDirs(workspace)),
      env: options.env ?? process.env,
      factory: createFactory({
        workspace,
        secrets,
        identityTokens,
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
