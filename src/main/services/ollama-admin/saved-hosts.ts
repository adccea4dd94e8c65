// The workspace's saved Ollama hosts in `.mindx/ollama-hosts.json`: read leniently, written atomically.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { SavedOllamaHost } from '../../../shared/ollama'
import { hostUrlSchema, savedHostSchema } from '../../../shared/ollama'
import { writeFileAtomic } from '../config/atomic-write'
import { ConfigFileError } from '../config/types'
import { ensurePrivateDir } from '../secrets/secrets-file'

export const SAVED_HOSTS_FILE = join('.mindx', 'ollama-hosts.json')

export interface SavedHostsFile {
  hosts: SavedOllamaHost[]
  /** The host the Local models screen last managed. */
  selected?: string
}

const fileSchema = z.object({
  hosts: z.array(savedHostSchema).default([]),
  selected: hostUrlSchema.optional(),
})

export function savedHostsPath(workspace: string): string {
  return join(workspace, SAVED_HOSTS_FILE)
}

/** A missing file means no saved hosts; a broken one is a config error naming the file. */
export async function readSavedHosts(workspace: string): Promise<SavedHostsFile> {
  const path = savedHostsPath(workspace)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { hosts: [] }
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = 'not valid JSON; fix or delete the file to start a new host list'
    throw new ConfigFileError({ file: path, line: 1, column: 1, message }, { cause: error })
  }
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const message = `unexpected shape (${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')})`
    throw new ConfigFileError({ file: path, line: 1, column: 1, message })
  }
  return dedupe(parsed.data)
}

/** One entry per URL (the last label wins), in the order first given. */
function dedupe(file: SavedHostsFile): SavedHostsFile {
  const byUrl = new Map<string, SavedOllamaHost>()
  for (const host of file.hosts) byUrl.set(host.url, { ...byUrl.get(host.url), ...host })
  return { hosts: [...byUrl.values()], ...(file.selected ? { selected: file.selected } : {}) }
}

/** Replaces the file in one rename, so a crash leaves the old list or the new, never half of one. */
export async function writeSavedHosts(
  workspace: string,
  file: SavedHostsFile,
): Promise<SavedHostsFile> {
  const clean = dedupe(file)
  await ensurePrivateDir(workspace)
  await writeFileAtomic(savedHostsPath(workspace), JSON.stringify(clean, null, 2) + '\n')
  return clean
}
