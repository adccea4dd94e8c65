// The recently opened workspaces, newest first, kept in a small json file in the app's data folder.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

const recentFileSchema = z.object({ workspaces: z.array(z.string().min(1)) })

export const MAX_RECENT_WORKSPACES = 8

export class RecentWorkspaces implements RecentWorkspaceList {
  constructor(private readonly file: string) {}

  /** Newest first; a missing or unreadable file is an empty list. */
  async list(): Promise<string[]> {
    try {
      const parsed = recentFileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      return parsed.success ? parsed.data.workspaces.slice(0, MAX_RECENT_WORKSPACES) : []
    } catch {
      return []
    }
  }

  /** Moves `workspace` to the front and returns the new list. */
  async add(workspace: string): Promise<string[]> {
    const workspaces = [workspace, ...(await this.list()).filter((w) => w !== workspace)].slice(
      0,
      MAX_RECENT_WORKSPACES,
    )
    await mkdir(dirname(this.file), { recursive: true })
    await writeFile(this.file, JSON.stringify({ workspaces }, null, 2) + '\n', 'utf8')
    return workspaces
  }
}

/** What the switcher needs from a recent list (the file above, or one kept in memory). */
export interface RecentWorkspaceList {
  list(): Promise<string[]>
  add(workspace: string): Promise<string[]>
}

/** A recent list that lives as long as the process (tests, a server without a state folder). */
export class MemoryRecentWorkspaces implements RecentWorkspaceList {
  private workspaces: string[] = []

  list(): Promise<string[]> {
    return Promise.resolve([...this.workspaces])
  }

  add(workspace: string): Promise<string[]> {
    this.workspaces = [workspace, ...this.workspaces.filter((w) => w !== workspace)].slice(
      0,
      MAX_RECENT_WORKSPACES,
    )
    return this.list()
  }
}
