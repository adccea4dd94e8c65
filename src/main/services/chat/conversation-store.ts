// Conversations kept per workspace: one JSON file each in .mindx/conversations, written atomically.
import { mkdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Conversation, ConversationSummary } from '../../../shared/chat'
import { chatIdSchema, conversationSchema, lastUseOf } from '../../../shared/chat'
import { plainTitle } from '../../../shared/plain-title'
import { writeFileAtomic } from '../config/atomic-write'
import { ensurePrivateDir } from '../secrets/secrets-file'
import { storedIds } from './stored-ids'
import type { SearchableConversation } from './conversation-search'
import { findMatch, searchableOf, searchTerms } from './conversation-search'

export const CONVERSATIONS_DIR = join('.mindx', 'conversations')

export class ConversationNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No saved conversation "${id}" in this workspace.`)
    this.name = 'ConversationNotFoundError'
  }
}

export interface ConversationListOptions {
  /** Only conversations holding every word (title or message text, any case). */
  query?: string
}

export interface ConversationStoreOptions {
  /** When a rename happened (tests pass a fixed clock). */
  now?: () => Date
}

/** One parsed file, kept until the file changes (a list re-reads only what changed). */
interface IndexEntry {
  stamp: string
  summary: ConversationSummary
  searchable: SearchableConversation
}

/** The last message's time; a conversation without a readable one falls back to updatedAt. */
export function lastUsedAt(conversation: Conversation): string {
  const times = conversation.turns.map((turn) => Date.parse(turn.createdAt))
  const latest = Math.max(...times.filter((time) => !Number.isNaN(time)))
  return Number.isFinite(latest) ? new Date(latest).toISOString() : conversation.updatedAt
}

function summaryOf(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    // Titles saved before they were made plain text still carry Markdown marks: shown without.
    title: plainTitle(conversation.title),
    updatedAt: conversation.updatedAt,
    lastUsedAt: lastUsedAt(conversation),
    turnCount: conversation.turns.length,
  }
}

function timeOf(iso: string): number {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? -Infinity : time
}

/** Last used first; ties by last change, then id, so the order never flickers. */
function byLastUse(a: ConversationSummary, b: ConversationSummary): number {
  return (
    timeOf(lastUseOf(b)) - timeOf(lastUseOf(a)) ||
    timeOf(b.updatedAt) - timeOf(a.updatedAt) ||
    a.id.localeCompare(b.id)
  )
}

export class ConversationStore {
  readonly dir: string
  private readonly index = new Map<string, IndexEntry>()
  private readonly now: () => Date

  constructor(
    private readonly workspace: string,
    options: ConversationStoreOptions = {},
  ) {
    this.dir = join(workspace, CONVERSATIONS_DIR)
    this.now = options.now ?? (() => new Date())
  }

  /** Last used first; files that are not valid conversations are skipped, not fatal. */
  async list(options: ConversationListOptions = {}): Promise<ConversationSummary[]> {
    const entries = await this.refreshIndex()
    const terms = searchTerms(options.query ?? '')
    if (terms.length === 0) return entries.map((entry) => entry.summary).sort(byLastUse)
    const found: ConversationSummary[] = []
    for (const entry of entries) {
      const match = findMatch(entry.searchable, terms)
      if (match) found.push({ ...entry.summary, match })
    }
    return found.sort(byLastUse)
  }

  async load(id: string): Promise<Conversation> {
    let text: string
    try {
      text = await readFile(this.pathOf(id), 'utf8')
    } catch {
      throw new ConversationNotFoundError(id)
    }
    return conversationSchema.parse(JSON.parse(text))
  }

  async save(conversation: Conversation): Promise<ConversationSummary> {
    // A turn still streaming in the renderer is saved as interrupted: if the page goes away
    // now, the prompt and the text so far stay, marked as cut short (the final save replaces it).
    const turns = conversation.turns.map((turn) =>
      turn.role === 'assistant' && turn.status === 'streaming'
        ? { ...turn, status: 'interrupted' as const }
        : turn,
    )
    const clean = conversationSchema.parse({ ...conversation, turns })
    await ensurePrivateDir(this.workspace)
    await mkdir(this.dir, { recursive: true })
    this.index.delete(clean.id)
    await writeFileAtomic(this.pathOf(clean.id), JSON.stringify(clean, null, 2) + '\n')
    return summaryOf(clean)
  }

  /** A new title (already validated: one line, not empty); the rest of the file is kept. */
  async rename(id: string, title: string): Promise<ConversationSummary> {
    const conversation = await this.load(id)
    return this.save({ ...conversation, title, updatedAt: this.now().toISOString() })
  }

  async delete(id: string): Promise<boolean> {
    this.index.delete(id)
    try {
      await unlink(this.pathOf(id))
      return true
    } catch {
      return false
    }
  }

  /** Every valid conversation file, parsed again only when its size or time changed. */
  private async refreshIndex(): Promise<IndexEntry[]> {
    const ids = await storedIds(this.dir)
    const entries = await Promise.all(ids.map((id) => this.entryOf(id).catch(() => null)))
    const present = new Set(ids)
    for (const id of this.index.keys()) if (!present.has(id)) this.index.delete(id)
    return entries.filter((entry): entry is IndexEntry => entry !== null)
  }

  private async entryOf(id: string): Promise<IndexEntry> {
    const info = await stat(this.pathOf(id))
    const stamp = `${info.mtimeMs}:${info.size}:${info.ino}`
    const known = this.index.get(id)
    if (known?.stamp === stamp) return known
    const conversation = await this.load(id)
    const summary = summaryOf(conversation)
    const entry = { stamp, summary, searchable: searchableOf(conversation, summary.title) }
    this.index.set(id, entry)
    return entry
  }

  private pathOf(id: string): string {
    // The schema keeps ids to [A-Za-z0-9_-], so an id can never climb out of the folder.
    return join(this.dir, `${chatIdSchema.parse(id)}.json`)
  }
}
