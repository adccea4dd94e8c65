// A real serve-mode server (real handlers, file secret store) on a temp workspace whose providers
// are the fakes in test/fakes; for the request-limit and fuzz tests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import type { RunningServeServer, ServeServerOptions } from '../../src/main/serve/server'
import { startServeServer } from '../../src/main/serve/server'
import { FileSecretStore } from '../../src/main/services/secrets'
import { DEFAULT_GEMINI_KEY, startFakeGemini } from '../fakes/gemini-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../fakes/groq-server'
import { startFakeOllama } from '../fakes/ollama-server'

export const REAL_SERVE_TOKEN = 'real-serve-token'

export interface RealServe {
  server: RunningServeServer
  /** A scratch folder: `workspace` inside it, and `sibling` next to it (must never change). */
  scratch: string
  workspace: string
  sibling: string
  /** What the dispatcher logged as unexpected (would be `internal` to the client). */
  unexpected: string[]
  close(): Promise<void>
}

export async function startRealServe(
  options: Partial<Pick<ServeServerOptions, 'limits'>> = {},
): Promise<RealServe> {
  const scratch = await mkdtemp(join(tmpdir(), 'mindx-real-serve-'))
  const workspace = join(scratch, 'workspace')
  const sibling = join(scratch, 'sibling')
  await mkdir(join(workspace, 'data', 'config'), { recursive: true })
  await mkdir(sibling)
  await writeFile(join(sibling, 'secrets.json'), '{"keep": "me"}\n')
  await writeFile(join(scratch, 'llm_factory_config.json'), '{"outside": true}\n')
  const [ollama, groq, gemini] = await Promise.all([
    startFakeOllama(),
    startFakeGroq(),
    startFakeGemini(),
  ])
  await writeFile(
    join(workspace, 'data', 'config', 'llm_factory_config.json'),
    JSON.stringify({
      default_provider_preference_order: ['mock', 'groq'],
      groq_settings_for_factory: {
        base_url_override: groq.openaiUrl,
        api_key_override: DEFAULT_GROQ_KEY,
      },
      gemini_settings_for_factory: {
        base_url_override: gemini.apiUrl,
        api_key_override: DEFAULT_GEMINI_KEY,
      },
      ollama_settings_for_factory: { base_url_override: ollama.url },
    }),
  )
  const unexpected: string[] = []
  const events = createEventBus()
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const handlers = createApiHandlers({ session, version: '0.0.0-test', transport: 'web', events })
  const server = await startServeServer({
    dispatch: createDispatcher(handlers, {
      log: (message, error) => unexpected.push(`${message}: ${String(error)}`),
    }),
    events,
    token: REAL_SERVE_TOKEN,
    port: 0,
    ...options,
  })
  return {
    server,
    scratch,
    workspace,
    sibling,
    unexpected,
    async close() {
      await server.close()
      await Promise.allSettled([ollama.close(), groq.close(), gemini.close()])
      await rm(scratch, { recursive: true, force: true })
    },
  }
}
