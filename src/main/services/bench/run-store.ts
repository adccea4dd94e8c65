// Saved runs: one JSON file per run under the workspace's .mindx/bench/, written atomically.
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchRun, BenchRunListItem } from '../../../shared/bench'
import { writeFileAtomic } from '../config/atomic-write'

export const RUNS_DIR = join('.mindx', 'bench')
const RUN_ID = /^[A-Za-z0-9_-]{1,80}$/

export class RunNotFoundError extends Error {
  override name = 'RunNotFoundError'
}

export class BenchRunStore {
  private readonly dir: string

  constructor(workspace: string) {
    this.dir = join(workspace, RUNS_DIR)
  }

  private path(id: string): string {
    if (!RUN_ID.test(id)) throw new RunNotFoundError(`No bench run ${JSON.stringify(id)}.`)
    return join(this.dir, `${id}.json`)
  }

  async save(run: BenchRun): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await writeFileAtomic(this.path(run.id), JSON.stringify(run) + '\n')
  }

  async load(id: string): Promise<BenchRun> {
    try {
      return JSON.parse(await readFile(this.path(id), 'utf8')) as BenchRun
    } catch (error) {
      if (error instanceof RunNotFoundError) throw error
      throw new RunNotFoundError(`No saved bench run ${id} in ${RUNS_DIR}.`, { cause: error })
    }
  }

  /** Newest first; unreadable files are skipped (a half-copied file must not hide the others). */
  async list(): Promise<BenchRunListItem[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const items: BenchRunListItem[] = []
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue
      try {
        items.push(listItem(await this.load(name.slice(0, -'.json'.length))))
      } catch {
        continue
      }
    }
    return items.sort((a, b) => b.startedAt.localeCompare(a.startedAt))
  }
}

export function listItem(run: BenchRun): BenchRunListItem {
  return {
    id: run.id,
    suiteName: run.suite.name,
    taskType: run.suite.task_type,
    startedAt: run.startedAt,
    status: run.status,
    models: run.targets.map((t) => t.model),
    calls: run.calls.length,
    total: run.total,
  }
}
