// Playground presets on disk: atomic files in .mindx/presets, names unique, typed errors over the API.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPresetHandlers } from '../../../src/main/api/preset-handlers'
import { createWorkspaceSession } from '../../../src/main/api/workspace-session'
import { PresetStore } from '../../../src/main/services/chat'
import { FileSecretStore } from '../../../src/main/services/secrets'
import { methods } from '../../../src/shared/contract'
import { makeWorkspace } from '../../helpers/workspace'

const terse = { system: 'Be terse.', temperature: 0.2, maxTokens: 200, jsonMode: false }
const json = { system: 'Answer in JSON.', jsonMode: true }

describe('PresetStore', () => {
  it('saves atomically into .mindx/presets and lists by name; a restart sees the same', async () => {
    const workspace = makeWorkspace()
    const store = new PresetStore(workspace, () => new Date('2026-01-01T00:00:00.000Z'))
    const b = await store.save({ name: 'terse', settings: terse })
    const a = await store.save({ name: 'JSON answers', settings: json })
    expect(b).toMatchObject({
      name: 'terse',
      settings: terse,
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    expect(readdirSync(store.dir).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort())
    expect((await new PresetStore(workspace).list()).map((p) => p.name)).toEqual([
      'JSON answers',
      'terse',
    ])
    // .mindx stays out of git, like the conversations and secrets beside it.
    expect(readFileSync(join(workspace, '.mindx', '.gitignore'), 'utf8')).toBe('*\n')
  })

  it('refuses a name another preset has (case and spaces aside), but a preset may keep its own', async () => {
    const store = new PresetStore(makeWorkspace())
    const first = await store.save({ name: 'Terse', settings: terse })
    await expect(store.save({ name: ' terse ', settings: json })).rejects.toThrow(
      /A preset named "Terse" exists already/,
    )
    const updated = await store.save({ id: first.id, name: 'Terse', settings: json })
    expect(updated).toMatchObject({ id: first.id, settings: json, createdAt: first.createdAt })
    const other = await store.save({ name: 'Other', settings: terse })
    await expect(store.rename(other.id, 'TERSE')).rejects.toThrow(/exists already/)
    expect((await store.rename(other.id, 'Renamed')).name).toBe('Renamed')
  })

  it('skips files that are not presets, and deletes', async () => {
    const store = new PresetStore(makeWorkspace())
    const kept = await store.save({ name: 'kept', settings: terse })
    mkdirSync(store.dir, { recursive: true })
    writeFileSync(join(store.dir, 'broken.json'), '{ not json')
    writeFileSync(join(store.dir, 'p-bad.json'), JSON.stringify({ id: 'p-bad', name: '' }))
    expect((await store.list()).map((p) => p.id)).toEqual([kept.id])
    expect(await store.delete(kept.id)).toBe(true)
    expect(await store.delete(kept.id)).toBe(false)
    expect(await store.list()).toEqual([])
  })
})

describe('presets:* handlers', () => {
  const handlers = () => {
    const session = createWorkspaceSession({
      workspace: makeWorkspace(),
      env: {},
      createSecrets: (dir) => new FileSecretStore(dir),
    })
    return createPresetHandlers(session)
  }

  it('a taken name is a typed conflict, an unknown id a typed not_found', async () => {
    const h = handlers()
    const saved = await h['presets:save']({ name: 'one', settings: terse })
    await expect(h['presets:save']({ name: 'ONE', settings: json })).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(h['presets:rename']({ id: 'p-missing', name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(await h['presets:list']({})).toEqual([saved])
    expect(await h['presets:delete']({ id: saved.id })).toEqual({ deleted: true })
  })

  it('the contract refuses a blank name, a path as id and unknown settings', () => {
    const save = methods['presets:save'].input
    expect(save.safeParse({ name: '   ', settings: terse }).success).toBe(false)
    expect(save.safeParse({ id: '../x', name: 'a', settings: terse }).success).toBe(false)
    expect(save.safeParse({ name: 'a', settings: { ...terse, temperature: 9 } }).success).toBe(
      false,
    )
    expect(save.safeParse({ name: 'a', settings: json }).success).toBe(true)
  })
})
