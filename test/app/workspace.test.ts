// First-run workspace seeding from config/ templates, and the recent-workspaces list.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_RECENT_WORKSPACES, RecentWorkspaces } from '../../src/main/workspace/recent-workspaces'
import { ensureWorkspace } from '../../src/main/workspace/seed-workspace'
import { makeTempDir } from './helpers'

let temp: Awaited<ReturnType<typeof makeTempDir>>
let templates: string

beforeEach(async () => {
  temp = await makeTempDir()
  templates = join(temp.dir, 'templates')
  await mkdir(templates)
  await writeFile(
    join(templates, 'llm_factory_config.json'),
    '{"default_provider_preference_order":["mock"]}',
  )
  await writeFile(join(templates, 'mindx_config.example.json'), '{}')
})
afterEach(() => temp.cleanup())

describe('ensureWorkspace', () => {
  it('creates a new folder shaped like a mindX checkout from the templates that exist', async () => {
    const workspace = join(temp.dir, 'new', 'ws')
    const result = await ensureWorkspace(workspace, templates)
    expect(result.seeded).toEqual([
      join('data', 'config', 'llm_factory_config.json'),
      'mindx_config.json',
    ])
    expect(
      await readFile(join(workspace, 'data', 'config', 'llm_factory_config.json'), 'utf8'),
    ).toContain('mock')
  })

  it('leaves a folder with content (an existing checkout) untouched', async () => {
    const workspace = join(temp.dir, 'checkout')
    await mkdir(workspace)
    await writeFile(join(workspace, 'README.md'), 'mindX')
    expect((await ensureWorkspace(workspace, templates)).seeded).toEqual([])
    expect(await readdir(workspace)).toEqual(['README.md'])
  })

  it('seeds the real repo templates', async () => {
    const workspace = join(temp.dir, 'from-repo')
    const result = await ensureWorkspace(workspace, join(import.meta.dirname, '..', '..', 'config'))
    expect(result.seeded.length).toBeGreaterThan(0)
  })
})

describe('RecentWorkspaces', () => {
  it('keeps the newest first, without duplicates, capped', async () => {
    const recent = new RecentWorkspaces(join(temp.dir, 'state', 'recent.json'))
    expect(await recent.list()).toEqual([])
    await recent.add('/a')
    await recent.add('/b')
    expect(await recent.add('/a')).toEqual(['/a', '/b'])
    for (let i = 0; i < 12; i++) await recent.add(`/w${i}`)
    expect(await recent.list()).toHaveLength(MAX_RECENT_WORKSPACES)
  })

  it('treats a corrupt file as empty', async () => {
    const file = join(temp.dir, 'recent.json')
    await writeFile(file, '{not json')
    expect(await new RecentWorkspaces(file).list()).toEqual([])
  })
})
