// Shared bits for the app-shell tests: temp workspaces and a handler table with canned answers.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiHandlers } from '../../src/main/api/dispatch'
import { CHANNELS } from '../../src/shared/contract'
import { fakeResolution } from '../../src/renderer/platform/fake-api'

export async function makeTempDir(prefix = 'mindx-app-'): Promise<{
  dir: string
  cleanup: () => Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Writes a workspace whose factory json names the default provider and model. */
export async function writeWorkspace(
  dir: string,
  factoryConfig: Record<string, unknown>,
): Promise<void> {
  await mkdir(join(dir, 'data', 'config'), { recursive: true })
  await writeFile(
    join(dir, 'data', 'config', 'llm_factory_config.json'),
    JSON.stringify(factoryConfig, null, 2),
  )
}

/** A handler for every channel that rejects, so a new contract method needs no edit below. */
function unansweredHandlers(): ApiHandlers {
  const entries = CHANNELS.map((channel) => [
    channel,
    () => Promise.reject(new Error(`no canned answer for ${channel}`)),
  ])
  return Object.fromEntries(entries) as ApiHandlers
}

export function cannedHandlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return {
    ...unansweredHandlers(),
    'app:info': () => Promise.resolve({ workspace: '/ws', version: '1.2.3', transport: 'web' }),
    'factory:resolve': (args) => Promise.resolve(fakeResolution(args)),
    'ollama:status': () => Promise.resolve({ reachable: true, baseUrl: 'http://x', version: '1' }),
    ...overrides,
  }
}
