// Playground presets kept per workspace: one JSON file each in .mindx/presets, written atomically.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { chatIdSchema } from '../../../shared/chat'
import type { Preset, PresetSettings } from '../../../shared/presets'
import { presetSchema, sameName } from '../../../shared/presets'
import { writeFileAtomic } from '../config/atomic-write'
import { ensurePrivateDir } from '../secrets/secrets-file'
import { storedIds } from './stored-ids'

export const PRESETS_DIR = join('.mindx', 'presets')

export class PresetNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No preset "${id}" in this workspace: it may have been deleted. Reload the list.`)
    this.name = 'PresetNotFoundError'
  }
}

export class PresetNameTakenError extends Error {
  constructor(readonly presetName: string) {
    super(`A preset named "${presetName}" exists already: pick another name, or pick that preset.`)
    this.name = 'PresetNameTakenError'
  }
}

export class PresetStore {
  readonly dir: string

  constructor(
    private readonly workspace: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dir = join(workspace, PRESETS_DIR)
  }

  /** By name; files that are not valid presets are skipped, not fatal. */
  async list(): Promise<Preset[]> {
    const ids = await storedIds(this.dir)
    const loaded = await Promise.all(ids.map((id) => this.load(id).catch(() => null)))
    return loaded
      .filter((p): p is Preset => p !== null)
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
  }

  async load(id: string): Promise<Preset> {
    let text: string
    try {
      text = await readFile(this.pathOf(id), 'utf8')
    } catch {
      throw new PresetNotFoundError(id)
    }
    return presetSchema.parse(JSON.parse(text))
  }

  /** A new preset without `id`; with one, that preset gets this name and these settings. */
  async save(input: { id?: string; name: string; settings: PresetSettings }): Promise<Preset> {
    const at = this.now().toISOString()
    const existing = input.id === undefined ? undefined : await this.load(input.id)
    await this.refuseTakenName(input.name, existing?.id)
    return this.write({
      id: existing?.id ?? `p-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      name: input.name,
      settings: input.settings,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    })
  }

  async rename(id: string, name: string): Promise<Preset> {
    const preset = await this.load(id)
    await this.refuseTakenName(name, id)
    return this.write({ ...preset, name, updatedAt: this.now().toISOString() })
  }

  async delete(id: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(id))
      return true
    } catch {
      return false
    }
  }

  private async refuseTakenName(name: string, ownId: string | undefined): Promise<void> {
    const taken = (await this.list()).find((p) => p.id !== ownId && sameName(p.name, name))
    if (taken) throw new PresetNameTakenError(taken.name)
  }

  private async write(preset: Preset): Promise<Preset> {
    const clean = presetSchema.parse(preset)
    await ensurePrivateDir(this.workspace)
    await mkdir(this.dir, { recursive: true })
    await writeFileAtomic(this.pathOf(clean.id), JSON.stringify(clean, null, 2) + '\n')
    return clean
  }

  private pathOf(id: string): string {
    // The schema keeps ids to [A-Za-z0-9_-], so an id can never climb out of the folder.
    return join(this.dir, `${chatIdSchema.parse(id)}.json`)
  }
}
