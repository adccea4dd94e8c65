// Every save the disk refuses (read-only, permission, disk full, a file where a folder should be) is a
// typed error naming the path and the next step, never `internal`; a broken secrets file never echoes.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { FileSecretStore } from '../../src/main/services/secrets'
import type { Conversation } from '../../src/shared/chat'
import type { ConfigDocument } from '../../src/shared/studio-config'
import { makeTempDir } from './helpers'

/** The errno the next rename fails with (a write the disk refuses), or undefined to let it run. */
const disk = vi.hoisted(() => ({ failRenameWith: undefined as string | undefined }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const rename: typeof actual.rename = async (from, to) => {
    const code = disk.failRenameWith
    if (code === undefined) return actual.rename(from, to)
    const error = new Error(`${code}: simulated, rename '${String(from)}'`)
    throw Object.assign(error, { code, syscall: 'rename', path: String(from) })
  }
  return { ...actual, rename, default: { ...actual, rename } }
})

let temp: Awaited<ReturnType<typeof makeTempDir>>
let counter = 0
beforeAll(async () => {
  temp = await makeTempDir()
})
afterAll(() => temp.cleanup())
afterEach(() => {
  disk.failRenameWith = undefined
})

async function setup() {
  const workspace = join(temp.dir, `ws-${++counter}`)
  const factoryPath = join(workspace, 'data', 'config', 'llm_factory_config.json')
  await mkdir(join(workspace, 'data', 'config'), { recursive: true })
  await writeFile(factoryPath, '{\n  "default_provider_preference_order": ["mock"]\n}\n')
  const session = createWorkspaceSession({
    workspace,
    env: {},
    createSecrets: (dir) => new FileSecretStore(dir),
  })
  const logged: string[] = []
  const log = (message: string, error: unknown) => logged.push(`${message} ${String(error)}`)
  const call = createDispatcher(createApiHandlers({ session, version: '1', transport: 'web' }), {
    log,
  })
  return { workspace, factoryPath, call, logged }
}

const conversation: Conversation = {
  id: 'c-1',
  title: 'hello',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  settings: { provider: 'mock', model: 'mock-model', system: '', jsonMode: false },
  turns: [],
}

/** Each save the app makes, with the file it writes. */
function saves(factoryPath: string, revision: string): [string, string, unknown, string][] {
  return [
    ['config', 'config:save', { text: '{}\n', baseRevision: revision }, factoryPath],
    ['provider settings', 'providers:update', { provider: 'mock', model: 'm' }, factoryPath],
    ['a key', 'providers:update', { provider: 'groq', apiKey: 'gsk_x1234567890' }, 'secrets.json'],
    ['the catalog', 'catalog:makeDefault', { ollamaName: 'phi3:mini' }, factoryPath],
    ['a conversation', 'chat:save', { conversation }, join('conversations', 'c-1.json')],
    [
      'saved hosts',
      'ollama:saveHosts',
      { hosts: [{ url: 'http://h:11434' }] },
      'ollama-hosts.json',
    ],
  ]
}

describe.each([
  ['EROFS', 'read_only', /read-only file system .*try again/],
  ['EACCES', 'read_only', /permission denied .*write access/],
  ['ENOSPC', 'fs_error', /disk is full .*Free some space/],
])('a save failing with %s', (errno, code, next) => {
  it(`is a typed ${code} error naming the file, for every kind of save`, async () => {
    const { call, factoryPath, logged } = await setup()
    const before = await readFile(factoryPath, 'utf8')
    const read = (await call('config:read', {})) as { ok: true; value: ConfigDocument }
    disk.failRenameWith = errno
    for (const [what, channel, input, file] of saves(factoryPath, read.value.revision)) {
      const result = await call(channel, input)
      expect(result, what).toMatchObject({ ok: false, error: { code } })
      const { message } = (result as { error: { message: string } }).error
      expect(message, what).toContain(file)
      expect(message, what).toMatch(next)
      // The user's path, not the temp file's.
      expect(message, what).not.toContain('.tmp')
    }
    expect(await readFile(factoryPath, 'utf8')).toBe(before)
    expect((await readdir(join(factoryPath, '..'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(logged).toEqual([])
  })
})

describe('other file-system failures', () => {
  it('a file where the .mindx folder should be is fs_error, not internal', async () => {
    const { call, workspace } = await setup()
    await writeFile(join(workspace, '.mindx'), 'not a folder')
    const result = await call('chat:save', { conversation })
    expect(result).toMatchObject({ ok: false, error: { code: 'fs_error' } })
    expect(JSON.stringify(result)).toContain('.mindx')
  })

  it('a malformed .mindx/secrets.json names the file and line:col and never echoes a key', async () => {
    const { call, workspace, logged } = await setup()
    await mkdir(join(workspace, '.mindx'))
    const text = '{\n  "version": 1,\n  "secrets": { "groq": gsk_leakyprefix1234 }\n}\n'
    await writeFile(join(workspace, '.mindx', 'secrets.json'), text)
    const result = await call('factory:resolve', { provider: 'groq' })
    expect(result).toMatchObject({ ok: false, error: { code: 'config_invalid' } })
    const { message } = (result as { error: { message: string } }).error
    expect(message).toContain(`${join(workspace, '.mindx', 'secrets.json')}:3:24:`)
    expect(message).toMatch(/not valid JSON; fix it, or delete it/)
    expect(JSON.stringify([result, logged])).not.toMatch(/gsk_|leaky/)
  })
})
