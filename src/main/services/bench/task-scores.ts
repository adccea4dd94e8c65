// task_scores write-back into mindX's models/<provider>.yaml, both shapes, keeping comments and layout.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { Document } from 'yaml'
import type { TaskScoresFile, TaskType } from '../../../shared/bench'
import { writeFileAtomic } from '../config/atomic-write'
import { lineColumnAt } from '../config/json-text'
import { ConfigFileError } from '../config/types'

export interface ScoreUpdate {
  provider: string
  /** The model's API name (list shape: `name`; keyed shape: the part after `<provider>/`). */
  model: string
  /** 0…1, written with two decimals like mindX's own files. */
  score: number
}

export class TaskScoresConflictError extends Error {
  override name = 'TaskScoresConflictError'
}

export function modelsFilePath(workspace: string, provider: string): string {
  return join(workspace, 'models', `${provider}.yaml`)
}

function parseModelsYaml(text: string, file: string): Document {
  const doc = parseDocument(text)
  const error = doc.errors[0]
  if (error) {
    const message = `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`
    throw new ConfigFileError({ file, ...lineColumnAt(text, error.pos[0]), message })
  }
  return doc
}

function shapeOf(doc: Document, text: string | null): TaskScoresFile['shape'] {
  if (text === null) return 'new-file'
  if (isSeq(doc.get('models'))) return 'models-list'
  // A provider file (ollama.yaml has `provider:` and settings) gets a models list; anything else
  // (including an empty file) is the map keyed "<provider>/<model>".
  return isMap(doc.contents) && doc.has('provider') ? 'models-list' : 'keyed-map'
}

function formatScore(score: number): string {
  return (Math.round(score * 100) / 100).toFixed(2)
}

/** Where each update goes in the document: an existing scalar to replace, or a path to create. */
function scorePath(doc: Document, shape: TaskScoresFile['shape'], u: ScoreUpdate, task: TaskType) {
  if (shape !== 'models-list') return { path: [`${u.provider}/${u.model}`, 'task_scores', task] }
  const list = doc.get('models')
  const items = isSeq(list) ? list.items : []
  const index = items.findIndex((item) => isMap(item) && item.get('name') === u.model)
  return index === -1
    ? {
        path: null,
        newItem: { name: u.model, task_scores: { [task]: Number(formatScore(u.score)) } },
      }
    : { path: ['models', index, 'task_scores', task] }
}

/** The proposed text for one provider's file; `before` is null when the file does not exist yet. */
export function applyTaskScores(
  before: string | null,
  file: string,
  task: TaskType,
  updates: readonly ScoreUpdate[],
): Omit<TaskScoresFile, 'path' | 'provider'> {
  let doc = parseModelsYaml(before ?? '', file)
  const shape = shapeOf(doc, before)
  const changes: TaskScoresFile['changes'] = []
  // First, scores that exist are replaced in the text itself: byte-exact everywhere else.
  const splices: { start: number; end: number; text: string }[] = []
  const creations: ScoreUpdate[] = []
  for (const u of updates) {
    const where = scorePath(doc, shape, u, task)
    const node: unknown = where.path ? doc.getIn(where.path, true) : undefined
    if (isScalar(node) && node.range && typeof node.value === 'number') {
      splices.push({ start: node.range[0], end: node.range[1], text: formatScore(u.score) })
      changes.push({ model: u.model, previous: node.value, next: Number(formatScore(u.score)) })
    } else {
      creations.push(u)
      changes.push({ model: u.model, previous: null, next: Number(formatScore(u.score)) })
    }
  }
  let after = before ?? ''
  for (const s of splices.sort((a, b) => b.start - a.start)) {
    after = after.slice(0, s.start) + s.text + after.slice(s.end)
  }
  if (creations.length > 0) {
    doc = parseModelsYaml(after, file)
    if (shape === 'models-list' && !isSeq(doc.get('models'))) doc.set('models', doc.createNode([]))
    for (const u of creations) {
      const where = scorePath(doc, shape, u, task)
      const list = doc.get('models')
      if (where.path) doc.setIn(where.path, Number(formatScore(u.score)))
      else if (isSeq(list)) list.add(doc.createNode(where.newItem))
    }
    after = doc.toString()
  }
  return { shape, before, after, changes }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** One proposed file per provider, nothing written. */
export async function proposeTaskScores(
  workspace: string,
  task: TaskType,
  updates: readonly ScoreUpdate[],
): Promise<TaskScoresFile[]> {
  const byProvider = new Map<string, ScoreUpdate[]>()
  for (const u of updates) byProvider.set(u.provider, [...(byProvider.get(u.provider) ?? []), u])
  const files: TaskScoresFile[] = []
  for (const [provider, list] of byProvider) {
    const path = modelsFilePath(workspace, provider)
    const before = await readIfExists(path)
    files.push({ path, provider, ...applyTaskScores(before, path, task, list) })
  }
  return files
}

/**
 * Writes what was proposed (and shown), each file atomically with a .bak; refuses when a file
 * changed on disk since, so nobody's edit is overwritten unseen.
 */
export async function writeTaskScores(files: readonly TaskScoresFile[]): Promise<string[]> {
  for (const f of files) {
    if ((await readIfExists(f.path)) !== f.before) {
      throw new TaskScoresConflictError(
        `${f.path} changed on disk after the diff was shown; review the new diff and confirm again.`,
      )
    }
  }
  for (const f of files) await writeFileAtomic(f.path, f.after, { keepBackup: true })
  return files.map((f) => f.path)
}
