// The factory json watcher: reports edits from other programs once per burst, survives atomic saves.
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src/main/services/config'
import type { ConfigFileWatcher } from '../../../src/main/services/config/config-watcher'
import { watchConfigFile } from '../../../src/main/services/config/config-watcher'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

let root = ''
let watcher: ConfigFileWatcher | undefined

afterEach(async () => {
  watcher?.close()
  await removeWorkspace(root)
})

async function setup(text = '{}\n') {
  root = await makeWorkspace({ 'data/config/llm_factory_config.json': text })
  const path = join(root, 'data', 'config', 'llm_factory_config.json')
  const seen: string[] = []
  watcher = watchConfigFile(path, (t) => seen.push(t), { debounceMs: 40, initialText: text })
  return { path, seen }
}

describe('watchConfigFile', () => {
  it('reports a plain write with the new text', async () => {
    const { path, seen } = await setup()
    await writeFile(path, '{ "a": 1 }\n')
    await expect.poll(() => seen).toEqual(['{ "a": 1 }\n'])
  })

  it('keeps watching across atomic saves (temp file + rename replaces the inode)', async () => {
    const { path, seen } = await setup()
    await writeFileAtomic(path, '{ "a": 1 }\n')
    await expect.poll(() => seen.at(-1)).toBe('{ "a": 1 }\n')
    await writeFileAtomic(path, '{ "a": 2 }\n')
    await expect.poll(() => seen.at(-1)).toBe('{ "a": 2 }\n')
  })

  it('reports one change for a burst of writes and none when the content is the same', async () => {
    const { path, seen } = await setup()
    await writeFile(path, '{}\n')
    await writeFile(path, '{ "b": 1 }\n')
    await writeFile(path, '{ "b": 2 }\n')
    await expect.poll(() => seen.length).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(seen).toEqual(['{ "b": 2 }\n'])
  })

  it("reports a deleted file as '' and ignores other files in the folder", async () => {
    const { path, seen } = await setup()
    await writeFile(join(root, 'data', 'config', 'other.json'), '{}')
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(seen).toEqual([])
    await rename(path, `${path}.moved`)
    await expect.poll(() => seen).toEqual([''])
    await rm(`${path}.moved`)
  })

  it('notices edits of the file a symlinked config points to (its real folder is watched)', async () => {
    root = await makeWorkspace({ 'shared/factory.json': '{}\n' })
    const target = join(root, 'shared', 'factory.json')
    const path = join(root, 'data', 'config', 'llm_factory_config.json')
    await mkdir(join(root, 'data', 'config'), { recursive: true })
    await symlink(target, path)
    const seen: string[] = []
    watcher = watchConfigFile(path, (t) => seen.push(t), { debounceMs: 40, initialText: '{}\n' })
    // Another editor opens the real file and saves it atomically: nothing changes in data/config.
    await writeFileAtomic(target, '{ "linked": 1 }\n')
    await expect.poll(() => seen.at(-1)).toBe('{ "linked": 1 }\n')
  })

  it('stops reporting after close', async () => {
    const { path, seen } = await setup()
    watcher?.close()
    await writeFile(path, '{ "c": 1 }\n')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(seen).toEqual([])
  })
})
