// Every configurable path stays inside the workspace after following symlinks, and out of .mindx/.
import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadGlobalConfig, loadWorkspaceConfig } from '../../../src/main/services/config'
import { listConfigSources } from '../../../src/main/services/config/config-sources'
import { PathOutsideWorkspaceError } from '../../../src/main/services/config/workspace-paths'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

const workspaces: string[] = []
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map(removeWorkspace))
})

async function workspace(files: Record<string, string> = {}): Promise<string> {
  const root = await makeWorkspace(files)
  workspaces.push(root)
  return root
}

const SECRETS = JSON.stringify({ version: 1, secrets: { groq: 'gsk_storedkey00001234' } })
const FACTORY = '{"default_provider_preference_order": ["groq"]}'

async function refusal(promise: Promise<unknown>): Promise<PathOutsideWorkspaceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof PathOutsideWorkspaceError)) {
    throw new Error(`expected PathOutsideWorkspaceError, got ${String(error)}`)
  }
  return error
}

function pathSetting(path: string): Record<string, string> {
  return { 'mindx_config.json': JSON.stringify({ llm: { factory_config_path: path } }) }
}

describe('llm.factory_config_path is confined to the workspace', () => {
  it('refuses an absolute path outside, naming the path, the setting and what to do', async () => {
    const other = await workspace({ 'f.json': FACTORY })
    const root = await workspace()
    const env = { MINDX_LLM__FACTORY_CONFIG_PATH: join(other, 'f.json') }
    const error = await refusal(loadWorkspaceConfig({ root, env }))
    expect(error.message).toContain(join(other, 'f.json'))
    expect(error.message).toContain('llm.factory_config_path (set in env:')
    expect(error.message).toMatch(/outside the workspace .*Point it at a file inside the workspace/)
  })

  it('refuses a relative path that climbs out', async () => {
    const root = await workspace(pathSetting('../elsewhere.json'))
    await refusal(loadWorkspaceConfig({ root, env: {} }))
  })

  it('refuses the private .mindx/ folder, so keys can never be read as config', async () => {
    const root = await workspace({
      ...pathSetting('.mindx/secrets.json'),
      '.mindx/secrets.json': SECRETS,
    })
    const error = await refusal(loadWorkspaceConfig({ root, env: {} }))
    expect(error.message).toContain('private .mindx/ folder')
    expect(error.message).not.toContain('gsk_')
  })

  it('follows symlinks: a link (or a linked folder) leading out is refused', async () => {
    const other = await workspace({ 'f.json': FACTORY })
    const root = await workspace(pathSetting('conf/link.json'))
    await mkdir(join(root, 'conf'))
    await symlink(join(other, 'f.json'), join(root, 'conf/link.json'))
    await refusal(loadWorkspaceConfig({ root, env: {} }))

    // A file that does not exist yet, below a linked folder: the longest existing prefix decides.
    const second = await workspace(pathSetting('linked/new.json'))
    await symlink(other, join(second, 'linked'))
    await refusal(loadWorkspaceConfig({ root: second, env: {} }))
  })

  it('accepts a symlink that stays inside the workspace', async () => {
    const root = await workspace({ ...pathSetting('conf/link.json'), 'shared/f.json': FACTORY })
    await mkdir(join(root, 'conf'))
    await symlink(join(root, 'shared/f.json'), join(root, 'conf/link.json'))
    const config = await loadWorkspaceConfig({ root, env: {} })
    expect(config.factory).toMatchObject({ path: join(root, 'conf/link.json'), exists: true })
  })
})

describe('global config files linked out of the workspace are not read', () => {
  it('skips a data/config json linked into .mindx/ with a warning, and never lists its text', async () => {
    const root = await workspace({ '.mindx/secrets.json': SECRETS })
    await mkdir(join(root, 'data/config'), { recursive: true })
    await symlink(join(root, '.mindx/secrets.json'), join(root, 'data/config/extra.json'))
    const global = await loadGlobalConfig({ root, env: {} })
    expect(global.get('secrets')).toBeUndefined()
    expect(global.warnings).toEqual([
      expect.objectContaining({ file: join(root, 'data/config/extra.json') }),
    ])
    const sources = await listConfigSources({
      root,
      factoryConfigPath: join(root, 'data/config/llm_factory_config.json'),
      warnings: [],
    })
    expect(JSON.stringify(sources)).not.toContain('gsk_')
    expect(sources[0]).toMatchObject({
      text: '',
      warning: { message: expect.stringContaining('not shown') },
    })
  })

  it('skips a .env linked outside the workspace', async () => {
    const other = await workspace({ 'outside.env': 'GROQ_API_KEY=gsk_outside00001234\n' })
    const root = await workspace()
    await symlink(join(other, 'outside.env'), join(root, '.env'))
    const global = await loadGlobalConfig({ root, env: {} })
    expect(global.env('GROQ_API_KEY')).toBeUndefined()
    expect(global.warnings[0]?.message).toContain('outside the workspace')
  })
})
