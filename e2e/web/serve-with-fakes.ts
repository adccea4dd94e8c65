// Playwright's web server: fake Ollama/Groq/Gemini/OpenAI-compatible/gcloud, a temp workspace pointing
// at them, and `npm run serve` on it; everything stops and the workspace goes away on SIGTERM/SIGINT.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_GEMINI_KEY, startFakeGemini } from '../../test/fakes/gemini-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../test/fakes/groq-server'
import { startFakeOllama } from '../../test/fakes/ollama-server'
import { FAKE_GCLOUD_BIN, jwtClaims } from '../../test/fakes/fake-gcloud'
import { startFakeOpenAi } from '../../test/fakes/openai-server'
import { E2E_CHAT_CONTROL_PORT_OFFSET, startChatFakeControl } from './chat-fake-control'
import {
  E2E_CLOUD_RUN_PORT_OFFSET,
  E2E_CONTROL_PORT_OFFSET,
  E2E_DEFAULT_MODEL,
  E2E_FAKE_GCLOUD_DIR_NAME,
  E2E_LAB_OLLAMA,
  E2E_LAB_OLLAMA_OPTIONS,
  E2E_LAB_PORT_OFFSET,
  E2E_OLLAMA_VERSION,
  E2E_SECOND_WORKSPACE,
  E2E_SECOND_WORKSPACE_MODEL,
} from './e2e-constants'
import { startFakeControl } from './fake-control'

const { values } = parseArgs({
  options: { port: { type: 'string' }, token: { type: 'string' } },
})
if (!values.port || !values.token) throw new Error('usage: serve-with-fakes --port N --token T')

const root = join(import.meta.dirname, '..', '..')
// The OpenAI-compatible fake is not in the workspace: specs add it as a custom endpoint (its URL
// comes from the fake control's /fakes, its key is DEFAULT_OPENAI_KEY).
const [ollama, groq, gemini, openai] = await Promise.all([
  startFakeOllama({ version: E2E_OLLAMA_VERSION }),
  startFakeGroq(),
  startFakeGemini(),
  startFakeOpenAi(),
])
// Playground specs script the chat fakes' replies and faults through this (test-only).
await startChatFakeControl({ groq, gemini }, Number(values.port) + E2E_CHAT_CONTROL_PORT_OFFSET)
// Local models specs pull, delete, unload and stop this one, never the workspace's own Ollama.
const startLab = (port = Number(values.port) + E2E_LAB_PORT_OFFSET) =>
  startFakeOllama({ ...E2E_LAB_OLLAMA_OPTIONS, port })
const control = await startFakeControl(
  {
    ollama: { server: ollama },
    groq: { server: groq },
    gemini: { server: gemini },
    openai: { server: openai },
    [E2E_LAB_OLLAMA]: { server: await startLab(), start: startLab },
  },
  Number(values.port) + E2E_CONTROL_PORT_OFFSET,
)

// The deploy spec's Cloud Run service: an Ollama answering only requests with a live identity token.
const cloudRun = await startFakeOllama({
  port: Number(values.port) + E2E_CLOUD_RUN_PORT_OFFSET,
  requireBearer: (token) => {
    const exp = jwtClaims(token)?.exp
    return typeof exp === 'number' && exp * 1000 > Date.now() ? 'ok' : 'unauthorized'
  },
})

// A random parent keeps runs apart; a fixed folder name keeps the status bar (and screenshot) stable.
const scratch = await mkdtemp(join(tmpdir(), 'mindx-e2e-'))
const workspace = join(scratch, 'mindx-workspace')
await mkdir(join(workspace, 'data', 'config'), { recursive: true })
await writeFile(
  join(workspace, 'data', 'config', 'llm_factory_config.json'),
  JSON.stringify(
    {
      default_provider_preference_order: ['groq', 'ollama', 'gemini'],
      groq_settings_for_factory: {
        default_model_override: E2E_DEFAULT_MODEL,
        base_url_override: groq.openaiUrl,
        api_key_override: DEFAULT_GROQ_KEY,
      },
      gemini_settings_for_factory: {
        base_url_override: gemini.apiUrl,
        api_key_override: DEFAULT_GEMINI_KEY,
      },
      ollama_settings_for_factory: { base_url_override: ollama.url },
    },
    null,
    2,
  ),
)

// The workspace switcher spec opens this one and comes back: allowed (--allow-root scratch), and
// told apart by its default provider.
const second = join(scratch, E2E_SECOND_WORKSPACE)
await mkdir(join(second, 'data', 'config'), { recursive: true })
await writeFile(
  join(second, 'data', 'config', 'llm_factory_config.json'),
  JSON.stringify(
    {
      default_provider_preference_order: ['gemini', 'groq'],
      gemini_settings_for_factory: {
        default_model_override: E2E_SECOND_WORKSPACE_MODEL,
        base_url_override: gemini.apiUrl,
        api_key_override: DEFAULT_GEMINI_KEY,
      },
    },
    null,
    2,
  ),
)

// The fake gcloud (first on PATH) deploys to the fake Cloud Run service; specs may reconfigure it.
const gcloudDir = join(scratch, E2E_FAKE_GCLOUD_DIR_NAME)
await mkdir(gcloudDir)
await writeFile(join(gcloudDir, 'config.json'), JSON.stringify({ url: cloudRun.url }))

// The machine's own keys and hosts must not leak into what the tests see.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MINDX_|GEMINI_|GROQ_|OLLAMA_)/.test(name) && name !== 'GOOGLE_API_KEY',
    ),
  ),
  PATH: `${FAKE_GCLOUD_BIN}${delimiter}${process.env.PATH ?? ''}`,
  FAKE_GCLOUD_DIR: gcloudDir,
  // Serve mode's recent workspaces: in the scratch folder, never the machine's own.
  MINDX_STUDIO_STATE_DIR: join(scratch, 'studio-state'),
}
const serve = spawn(
  'npm',
  [
    'run',
    '--silent',
    'serve',
    '--',
    '--workspace',
    workspace,
    '--allow-root',
    scratch,
    '--port',
    values.port,
    '--token',
    values.token,
  ],
  { cwd: root, env, stdio: 'inherit' },
)

let stopping = false
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    if (serve.exitCode === null) serve.kill('SIGTERM')
    await Promise.allSettled([
      ollama.close(),
      groq.close(),
      gemini.close(),
      openai.close(),
      control.close(),
      cloudRun.close(),
    ])
    await rm(scratch, { recursive: true, force: true })
  }
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
serve.on('exit', (code) => void stop(code ?? 0))
