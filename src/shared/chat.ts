// The Playground's vocabulary: conversations, turns, per-answer metrics, stream events (zod + types).
import { z } from 'zod'
import { callAttemptSchema, chainSchema } from './failover'
import { LLM_ERROR_CODES } from './llm'
import { providerNameSchema } from './providers'
import { redactSecrets } from './redaction'

/** Ids the renderer makes up (conversations, streams, turns): safe as file names, no paths. */
export const chatIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only (at most 64)')

export const providerSchema = providerNameSchema

export const chatSettingsSchema = z.object({
  provider: providerSchema,
  model: z.string().min(1).max(200),
  system: z.string().max(100_000).default(''),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  jsonMode: z.boolean().default(false),
  /** Walk a chain of provider[/model] entries (empty: the provider order) until one answers. */
  failover: z.object({ enabled: z.boolean(), chain: chainSchema }).optional(),
})
export type ChatSettings = z.output<typeof chatSettingsSchema>

/** What actually answered: the resolved handler, never a key (nor one inside the base URL). */
export const usedModelSchema = z.object({
  provider: providerSchema,
  model: z.string(),
  // Turns saved before base URLs with credentials were refused lose them on the next save/export.
  baseUrl: z
    .string()
    .nullable()
    .transform((url) => (url === null ? null : redactSecrets(url))),
  handler: z.string(),
  fallbackReason: z.string().nullable(),
  /** What failed before this answer (failover chain, Ollama's fallback_url): the route. */
  attempts: z.array(callAttemptSchema).optional(),
})
export type UsedModel = z.output<typeof usedModelSchema>

export const answerMetricsSchema = z.object({
  firstTokenMs: z.number(),
  totalMs: z.number(),
  /** Waited for a rate-budget slot or a cooldown before the request went out. */
  queuedMs: z.number().optional(),
  tokensPerSecond: z.number().optional(),
  promptTokens: z.number().optional(),
  completionTokens: z.number().optional(),
})
export type AnswerMetrics = z.output<typeof answerMetricsSchema>

export const chatErrorSchema = z.object({
  code: z.enum([...LLM_ERROR_CODES, 'internal']),
  message: z.string(),
  retryAfterMs: z.number().optional(),
  /** invalid_json: the text the model returned. */
  text: z.string().optional(),
  /** Every attempt of a failed-over call, in order. */
  attempts: z.array(callAttemptSchema).optional(),
})
export type ChatErrorData = z.output<typeof chatErrorSchema>

const userTurnSchema = z.object({
  id: chatIdSchema,
  role: z.literal('user'),
  content: z.string().max(2_000_000),
  createdAt: z.string(),
})

/** One answer to a prompt: an assistant turn shows one of these and keeps the others. */
const answerFields = {
  content: z.string().max(4_000_000),
  createdAt: z.string(),
  /**
   * streaming is only ever seen in the renderer; a file saved while the answer was still
   * streaming (the page reloaded or closed mid-way) holds interrupted and the text so far.
   */
  status: z.enum(['streaming', 'done', 'stopped', 'error', 'interrupted']),
  /** Asked for in JSON mode: the answer is shown pretty-printed (or flagged). */
  jsonMode: z.boolean().optional(),
  used: usedModelSchema.optional(),
  metrics: answerMetricsSchema.optional(),
  error: chatErrorSchema.optional(),
  /** Continued after a Stop or an interruption (metrics and `used` are the last part's). */
  continued: z.boolean().optional(),
}
export const answerVersionSchema = z.object(answerFields)
export type AnswerVersion = z.output<typeof answerVersionSchema>

/** At most this many versions of one answer are kept (Regenerate past it drops the oldest). */
export const MAX_ANSWER_VERSIONS = 50

const assistantTurnSchema = z.object({
  id: chatIdSchema,
  role: z.literal('assistant'),
  /** The turn's own answer fields are the version shown (and sent as history later). */
  ...answerFields,
  /**
   * The other versions (Regenerate keeps the earlier answers), in order, without the shown one.
   * Conversations saved before versions existed have none.
   */
  otherVersions: z
    .array(answerVersionSchema)
    .max(MAX_ANSWER_VERSIONS - 1)
    .default([]),
  /** Where the shown version sits among all of them, 0-based (the others fill the rest in order). */
  shownVersion: z.number().int().min(0).max(MAX_ANSWER_VERSIONS).default(0),
})

export const chatTurnSchema = z.discriminatedUnion('role', [userTurnSchema, assistantTurnSchema])
export type UserTurn = z.output<typeof userTurnSchema>
export type AssistantTurn = z.output<typeof assistantTurnSchema>
export type ChatTurn = UserTurn | AssistantTurn

export const conversationSchema = z.object({
  id: chatIdSchema,
  title: z.string().max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
  settings: chatSettingsSchema,
  turns: z.array(chatTurnSchema).max(10_000),
})
export type Conversation = z.output<typeof conversationSchema>

export interface ConversationSummary {
  id: string
  /** Plain text (Markdown marks stripped), what the list shows. */
  title: string
  updatedAt: string
  /**
   * When it was last used: its last message's time (not when it was created or renamed). The
   * store always sets it; a summary without it (a test double) is placed by updatedAt.
   */
  lastUsedAt?: string
  turnCount: number
  /** With a search query: where the words were found, and the words around them. */
  match?: ConversationMatch
}

/** When a listed conversation was last used (lastUsedAt, else its last change). */
export function lastUseOf(summary: Pick<ConversationSummary, 'lastUsedAt' | 'updatedAt'>): string {
  return summary.lastUsedAt ?? summary.updatedAt
}

export interface ConversationMatch {
  field: 'title' | 'prompt' | 'answer'
  /** Plain text around the first hit (empty for a title match: the title shows it). */
  snippet: string
}

export type ExportFormat = 'markdown' | 'json'

export interface ConversationExport {
  filename: string
  mimeType: string
  content: string
}

export interface ChatModelOption {
  name: string
  displayName?: string
}

export interface ChatModelList {
  provider: string
  models: ChatModelOption[]
  /** The model the factory resolves for this provider (what a call without a model uses). */
  defaultModel: string
  baseUrl: string | null
  fallbackReason: string | null
  /** Listing failed (e.g. no key): the picker falls back to free text and shows this. */
  error?: ChatErrorData
}

// Events: each carries the streamId the renderer chose when it called chat:send.
export interface ChatDeltaEvent {
  streamId: string
  text: string
}
export interface ChatDoneEvent {
  streamId: string
  text: string
  metrics: AnswerMetrics
  used: UsedModel
}
export interface ChatErrorEvent {
  streamId: string
  error: ChatErrorData
  /** What had streamed before the failure or Stop. */
  partialText: string
}

/**
 * The earlier turns the provider sees: each user prompt with the answer that followed it, skipping
 * prompts whose answer failed before any text (a retried prompt would otherwise appear twice).
 */
export function historyOf(
  turns: readonly ChatTurn[],
): { role: 'user' | 'assistant'; content: string }[] {
  const history: { role: 'user' | 'assistant'; content: string }[] = []
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!
    const next = turns[i + 1]
    if (turn.role !== 'user' || next?.role !== 'assistant' || next.content === '') continue
    history.push(
      { role: 'user', content: turn.content },
      { role: 'assistant', content: next.content },
    )
  }
  return history
}
