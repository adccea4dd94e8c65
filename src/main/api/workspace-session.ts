// The open workspace and the services built for it; switching workspace rebuilds them.
import type { LlmFactory } from '../services/factory'
import { createLlmFactory } from '../services/factory'

export type EnvRecord = Record<string, string | undefined>

export interface WorkspaceServices {
  workspace: string
  factory: LlmFactory
}

export interface WorkspaceSessionOptions {
  workspace: string
  env?: EnvRecord
  fetch?: typeof fetch
  /** Tests replace the factory; the app uses createLlmFactory. */
  createFactory?: (options: {
    workspace: string
    env?: EnvRecord
    fetch?: typeof fetch
  }) => LlmFactory
}

export interface WorkspaceSession {
  readonly current: WorkspaceServices
  /** Points every later call at another workspace folder. */
  open(workspace: string): WorkspaceServices
}

export function createWorkspaceSession(options: WorkspaceSessionOptions): WorkspaceSession {
  const createFactory = options.createFactory ?? createLlmFactory
  const build = (workspace: string): WorkspaceServices => ({
    workspace,
    factory: createFactory({
      workspace,
      ...(options.env ? { env: options.env } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  })
  let current = build(options.workspace)
  return {
    get current() {
      return current
    },
    open(workspace) {
      current = build(workspace)
      return current
    },
  }
}
