// `npm run serve`'s entry (run by scripts/serve.mjs): the studio in any browser — builds the renderer if needed, serves it and the API.
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { createDispatcher } from '../api/dispatch'
import { createEventBus } from '../api/event-bus'
import { createApiHandlers } from '../api/handlers'
import { createWorkspaceSession } from '../api/workspace-session'
import { createWorkspaceSwitcher } from '../api/workspace-switcher'
import { FileSecretStore } from '../services/secrets'
import { RecentWorkspaces } from '../workspace/recent-workspaces'
import { ensureWorkspace } from '../workspace/seed-workspace'
import { isDirectory } from '../workspace/workspace-access'
import { parseServeArgs, SERVE_USAGE } from './args'
import { buildApp, rendererBuildIsStale } from './renderer-build'
import { startServeServer } from './server'
import { SERVE_RECENT_FILE, studioStateDir } from './state-dir'

export interface ServeHooks {
  /** Called once the server listens and printed its URL. */
  onListening?: () => void
}

async function readVersion(root: string): Promise<string> {
  const pkg = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')))
  return pkg.success ? pkg.data.version : '0.0.0'
}

function logError(message: string, error: unknown): void {
  console.error(`[serve] ${message}:`, error)
}

/** Serve mode from the repo at `root` (its package.json, config/ and out/renderer); the exit code. */
async function serve(root: string, hooks: ServeHooks): Promise<number> {
  const parsed = parseServeArgs(process.argv.slice(2), process.env, process.cwd())
  if (parsed.kind === 'help') {
    console.log(SERVE_USAGE)
    return 0
  }
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\n\n${SERVE_USAGE}`)
    return 2
  }
  const { workspace, port, token, allowRoots } = parsed.args

  const { seeded } = await ensureWorkspace(workspace, join(root, 'config'))
  if (seeded.length > 0) console.error(`Created workspace ${workspace} (${seeded.join(', ')})`)
  for (const allowed of allowRoots) {
    if (!(await isDirectory(allowed))) {
      console.error(
        `--allow-root ${allowed} is not a folder. Pass existing folders.\n\n${SERVE_USAGE}`,
      )
      return 2
    }
  }

  if (await rendererBuildIsStale(root)) {
    console.error('Building the app (electron-vite build)…')
    await buildApp(root)
  }

  const events = createEventBus()
  const session = createWorkspaceSession({
    workspace,
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const version = await readVersion(root)
  const workspaces = createWorkspaceSwitcher({
    session,
    allowedRoots: allowRoots,
    recent: new RecentWorkspaces(
      join(studioStateDir(process.env, process.platform, homedir()), SERVE_RECENT_FILE),
    ),
    version,
    transport: 'web',
    events,
  })
  const handlers = createApiHandlers({
    session,
    version,
    transport: 'web',
    events,
    templatesDir: join(root, 'config'),
    workspaces,
  })
  let server
  try {
    server = await startServeServer({
      dispatch: createDispatcher(handlers, { log: logError }),
      events,
      token,
      port,
      staticDir: join(root, 'out', 'renderer'),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use. Pass --port with a free one (or --port 0).`)
      return 1
    }
    throw error
  }

  console.error(`mindX LLM Factory Studio — workspace ${workspace}`)
  console.error(`Workspaces may be opened under: ${allowRoots.join(', ')}`)
  console.error('Open this address in a browser (Ctrl+C stops the server):')
  console.log(server.openUrl)
  hooks.onListening?.()

  const running = server
  await new Promise<void>((done) => {
    let stopping = false
    const stop = () => {
      // A second Ctrl+C does not wait for open connections.
      if (stopping) process.exit(130)
      stopping = true
      console.error('\nStopping…')
      void running.close().then(done)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  console.error('Stopped.')
  return 0
}

/**
 * Runs serve mode and exits with its code. The repo root comes in explicitly: this module runs from
 * a bundle in .cache/serve, so its own location says nothing about the repo.
 */
export async function main(root: string, hooks: ServeHooks = {}): Promise<never> {
  let code: number
  try {
    code = await serve(root, hooks)
  } catch (error) {
    console.error(`serve failed: ${error instanceof Error ? error.message : String(error)}`)
    code = 1
  }
  process.exit(code)
}
