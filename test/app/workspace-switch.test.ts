// Opening another workspace: confinement to the allowed roots (symlinks followed, `..`, .mindx/),
// the shape check, and the switch itself (session, recent list, workspace:changed, typed errors).
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createEventBus } from '../../src/main/api/event-bus'
import { createApiHandlers } from '../../src/main/api/handlers'
import { createWorkspaceSession } from '../../src/main/api/workspace-session'
import { createWorkspaceSwitcher } from '../../src/main/api/workspace-switcher'
import { MemoryRecentWorkspaces } from '../../src/main/workspace/recent-workspaces'
import type { WorkspaceAccess } from '../../src/main/workspace/workspace-access'
import { checkWorkspacePath, outermostFolders } from '../../src/main/workspace/workspace-access'
import { FileSecretStore } from '../../src/main/services/secrets'
import { makeTempDir, writeWorkspace } from './helpers'

let temp: Awaited<ReturnType<typeof makeTempDir>>
/** scratch/allowed is the only root; scratch/outside is beside it. */
let allowed: string
let outside: string
let access: WorkspaceAccess

beforeEach(async () => {
  temp = await makeTempDir('mindx-switch-')
  const scratch = await realpath(temp.dir)
  allowed = join(scratch, 'allowed')
  outside = join(scratch, 'outside')
  await writeWorkspace(join(allowed, 'one'), { default_provider_preference_order: ['mock'] })
  await writeWorkspace(join(allowed, 'two'), { default_provider_preference_order: ['groq'] })
  await writeWorkspace(outside, {})
  access = { roots: [allowed], home: allowed }
})
afterEach(() => temp.cleanup())

async function refusal(path: string, how: WorkspaceAccess = access) {
  return checkWorkspacePath(path, how).then(
    () => null,
    (error: unknown) => error as { code: string; message: string },
  )
}

describe('checkWorkspacePath', () => {
  it('gives the real path of a workspace under an allowed root, through links inside it', async () => {
    expect(await checkWorkspacePath(join(allowed, 'one'), access)).toBe(join(allowed, 'one'))
    await symlink(join(allowed, 'two'), join(allowed, 'link-to-two'))
    expect(await checkWorkspacePath(join(allowed, 'link-to-two'), access)).toBe(
      join(allowed, 'two'),
    )
    expect(await checkWorkspacePath('~/one', access)).toBe(join(allowed, 'one'))
  })

  it('refuses a symlink inside a root that leads out of it, naming both paths', async () => {
    await symlink(outside, join(allowed, 'escape'))
    const error = await refusal(join(allowed, 'escape'))
    expect(error?.code).toBe('workspace_not_allowed')
    expect(error?.message).toContain(`${join(allowed, 'escape')} (really ${outside})`)
    expect(error?.message).toContain(`(${allowed})`)
    expect(error?.message).toContain('--allow-root')
  })

  it('refuses `..` out of a root, and says nothing about whether an outside path exists', async () => {
    expect(await refusal(join(allowed, 'one', '..', '..', 'outside'))).toMatchObject({
      code: 'workspace_not_allowed',
      message: expect.stringContaining(outside),
    })
    expect(await refusal(join(outside, 'no-such-folder'))).toMatchObject({
      code: 'workspace_not_allowed',
    })
    expect(await refusal(join(allowed, 'no-such-folder'))).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(join(allowed, 'no-such-folder')),
    })
  })

  it('refuses a file, a folder that is not a workspace, and a relative path', async () => {
    await writeFile(join(allowed, 'notes.txt'), 'hi')
    await mkdir(join(allowed, 'empty'))
    expect(await refusal(join(allowed, 'notes.txt'))).toMatchObject({
      code: 'not_a_workspace',
      message: expect.stringMatching(/notes\.txt is a file, not a folder/),
    })
    expect(await refusal(join(allowed, 'empty'))).toMatchObject({
      code: 'not_a_workspace',
      message: expect.stringMatching(/empty is not a workspace: it has neither data\/config\//),
    })
    expect(await refusal('one')).toMatchObject({
      code: 'not_a_workspace',
      message: expect.stringContaining('not an absolute path'),
    })
  })

  it('never opens a .mindx/ folder, even one shaped like a workspace or with any root', async () => {
    await writeWorkspace(join(allowed, 'one', '.mindx'), {})
    for (const how of [access, { ...access, roots: 'any' as const }]) {
      expect(await refusal(join(allowed, 'one', '.mindx'), how)).toMatchObject({
        code: 'workspace_not_allowed',
        message: expect.stringContaining('private .mindx/'),
      })
    }
  })

  it("allows any folder with 'any' (the desktop app), still checking the shape", async () => {
    const any = { ...access, roots: 'any' as const }
    expect(await checkWorkspacePath(outside, any)).toBe(outside)
    await mkdir(join(outside, 'plain'))
    expect(await refusal(join(outside, 'plain'), any)).toMatchObject({ code: 'not_a_workspace' })
  })
})

describe('outermostFolders', () => {
  it('drops duplicates and folders inside another allowed one', () => {
    expect(outermostFolders(['/a/b', '/a', '/c', '/a', '/ab'])).toEqual(['/a', '/c', '/ab'])
  })
})

describe('workspace switcher behind the API', () => {
  function setUp() {
    const session = createWorkspaceSession({
      workspace: join(allowed, 'one'),
      env: {},
      createSecrets: (dir) => new FileSecretStore(dir),
    })
    const events = createEventBus()
    const seen: unknown[] = []
    events.subscribe((name, payload) => seen.push({ name, payload }))
    const recent = new MemoryRecentWorkspaces()
    const workspaces = createWorkspaceSwitcher({
      session,
      allowedRoots: [allowed],
      recent,
      version: '1.0.0',
      transport: 'web',
      events,
      home: allowed,
    })
    const handlers = createApiHandlers({
      session,
      version: '1.0.0',
      transport: 'web',
      events,
      workspaces,
    })
    return { session, seen, recent, dispatch: createDispatcher(handlers) }
  }

  it('switches every later call to the new workspace, tells the screens, and back again', async () => {
    const { dispatch, seen } = setUp()
    const resolveProvider = async () =>
      ((await dispatch('factory:resolve', {})) as { value: { provider: string } }).value.provider
    expect(await resolveProvider()).toBe('mock')
    const opened = await dispatch('workspace:open', { path: join(allowed, 'two') })
    const two = { workspace: join(allowed, 'two'), version: '1.0.0', transport: 'web' }
    expect(opened).toEqual({ ok: true, value: two })
    expect(seen).toEqual([{ name: 'workspace:changed', payload: two }])
    expect(await resolveProvider()).toBe('groq')
    expect(await dispatch('workspace:list', {})).toEqual({
      ok: true,
      value: {
        current: join(allowed, 'two'),
        recent: [{ path: join(allowed, 'one'), name: 'one' }],
        allowedRoots: [allowed],
      },
    })
    await dispatch('workspace:open', { path: join(allowed, 'one') })
    expect(await resolveProvider()).toBe('mock')
  })

  it('answers a refused folder with its typed code and leaves the workspace as it was', async () => {
    const { dispatch, seen, session } = setUp()
    await symlink(outside, join(allowed, 'escape'))
    const answer = await dispatch('workspace:open', { path: join(allowed, 'escape') })
    expect(answer).toMatchObject({ ok: false, error: { code: 'workspace_not_allowed' } })
    expect(await dispatch('workspace:open', { path: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(session.current.workspace).toBe(join(allowed, 'one'))
    expect(seen).toEqual([])
  })

  it('lists only recent workspaces that can still be opened', async () => {
    const { dispatch, recent } = setUp()
    await recent.add(outside)
    await recent.add(join(allowed, 'gone'))
    await recent.add(join(allowed, 'two'))
    await recent.add(join(allowed, 'one'))
    expect(await dispatch('workspace:list', {})).toMatchObject({
      value: { recent: [{ path: join(allowed, 'two'), name: 'two' }] },
    })
  })

  it('allows only the starting workspace (and folders in it) when nothing else is said', async () => {
    // Started through a link: the root is its real path, so the workspace itself can be reopened.
    await symlink(join(allowed, 'one'), join(allowed, 'link-to-one'))
    const session = createWorkspaceSession({
      workspace: join(allowed, 'link-to-one'),
      env: {},
      createSecrets: (dir) => new FileSecretStore(dir),
    })
    const dispatch = createDispatcher(
      createApiHandlers({ session, version: '1', transport: 'web' }),
    )
    expect(await dispatch('workspace:list', {})).toMatchObject({
      value: { allowedRoots: [join(allowed, 'one')], recent: [] },
    })
    expect(await dispatch('workspace:open', { path: join(allowed, 'two') })).toMatchObject({
      ok: false,
      error: { code: 'workspace_not_allowed' },
    })
    expect(await dispatch('workspace:open', { path: join(allowed, 'one') })).toMatchObject({
      ok: true,
      value: { workspace: join(allowed, 'one') },
    })
  })
})
