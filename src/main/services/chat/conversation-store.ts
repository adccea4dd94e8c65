// Conversations kept per workspace: one JSON file each in .mindx/conversations, written atomically.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Conversation, ConversationSummary } from '../../../shared/chat'
import { chatIdSchema, conversationSchema } from '../../../shared/chat'
import { plainTitle } from '../../../shared/plain-title'
import { writeFileAtomic } from '../config/atomic-write'
import { ensurePrivateDir } from '../secrets/secrets-file'

export const CONVERSATIONS_DIR = join('.mindx', 'conversations')

export class ConversationNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No saved conversation "${id}" in this workspace.`)
    this.name = 'ConversationNotFoundError'
  }
}

function summaryOf(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    // Titles saved before they were made plain text still carry Markdown marks: shown without.
    title: plainTitle(conversation.title),
    updatedAt: conversation.updatedAt,
    turnCount: conversation.turns.length,
  }
}

export class ConversationStore {
  readonly dir: string

  constructor(private readonly workspace: string) {
    this.dir = join(workspace, CONVERSATIONS_DIR)
  }

  /** Newest first; files that are not valid conversations are skipped, not fatal. */
  async list(): Promise<ConversationSummary[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const ids = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => chatIdSchema.safeParse(id).success)
    const loaded = await Promise.all(ids.map((id) => this.load(id).catch(() => null)))
    return loaded
      .filter((c): c is Conversation => c !== null)
      .map(summaryOf)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
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
    await writeFileAtomic(this.pathOf(clean.id), JSON.stringify(clean, null, 2) + '\n')
    return summaryOf(clean)
  }

  async delete(id: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(id))
      return true
    } catch {
      return false
    }
  }

  private pathOf(id: string): string {
    // The schema keeps ids to [A-Za-z0-9_-], so an id can never climb out of the folder.
    return join(this.dir, `${chatIdSchema.parse(id)}.json`)
  }
}
