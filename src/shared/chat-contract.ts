// The Playground's slice of the contract: chat:* methods and events, spread into contract.ts.
import { z } from 'zod'
import type {
  ChatDeltaEvent,
  ChatDoneEvent,
  ChatErrorEvent,
  ChatModelList,
  Conversation,
  ConversationExport,
  ConversationSummary,
  UsedModel,
} from './chat'
import { chatIdSchema, chatSettingsSchema, conversationSchema, providerSchema } from './chat'
import type { TypeTag } from './contract'
import { conversationQuerySchema, conversationTitleSchema } from './conversation-list'

function returns<T>(): TypeTag<T> {
  return {}
}

const historySchema = z
  .array(
    z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string().max(4_000_000) }),
  )
  .max(10_000)

export const chatMethods = {
  'chat:models': {
    summary: "A provider's models (listModels) with the factory's default for it marked.",
    input: z.strictObject({ provider: providerSchema }),
    output: returns<ChatModelList>(),
    errors: ['config_invalid'],
  },
  'chat:send': {
    summary:
      'Starts streaming an answer; deltas arrive as chat:delta, then chat:done or chat:error, all with streamId.',
    input: z.strictObject({
      streamId: chatIdSchema,
      settings: chatSettingsSchema,
      history: historySchema.default([]),
      prompt: z.string().min(1).max(2_000_000),
      /**
       * Continue: the answer to `prompt` so far (cut short by Stop or a reload); the model goes on
       * from its end and the stream carries only the new text.
       */
      continueFrom: z.string().min(1).max(4_000_000).optional(),
    }),
    output: returns<{ streamId: string; used: UsedModel }>(),
    errors: ['config_invalid'],
  },
  'chat:stop': {
    summary: 'Stops a stream (cancels its HTTP request); chat:error with code aborted follows.',
    input: z.strictObject({ streamId: chatIdSchema }),
    output: returns<{ stopped: boolean }>(),
    errors: [],
  },
  'chat:list': {
    summary:
      "The workspace's saved conversations, last used first; with a query, only those holding every word (title or messages).",
    input: z.strictObject({ query: conversationQuerySchema.optional() }),
    output: returns<ConversationSummary[]>(),
    errors: [],
  },
  'chat:load': {
    summary: 'One saved conversation.',
    input: z.strictObject({ id: chatIdSchema }),
    output: returns<Conversation>(),
    errors: ['not_found'],
  },
  'chat:save': {
    summary: 'Saves a conversation in the workspace (.mindx/conversations, atomic write).',
    input: z.strictObject({ conversation: conversationSchema }),
    output: returns<ConversationSummary>(),
    errors: [],
  },
  'chat:rename': {
    summary: 'Gives a saved conversation a new title (one line, not empty); the rest is kept.',
    input: z.strictObject({ id: chatIdSchema, title: conversationTitleSchema }),
    output: returns<ConversationSummary>(),
    errors: ['not_found'],
  },
  'chat:delete': {
    summary: 'Deletes a saved conversation.',
    input: z.strictObject({ id: chatIdSchema }),
    output: returns<{ deleted: boolean }>(),
    errors: [],
  },
  'chat:export': {
    summary: 'A saved conversation as Markdown or JSON (never with keys).',
    input: z.strictObject({ id: chatIdSchema, format: z.enum(['markdown', 'json']) }),
    output: returns<ConversationExport>(),
    errors: ['not_found'],
  },
} as const

export const chatEvents = {
  'chat:delta': returns<ChatDeltaEvent>(),
  'chat:done': returns<ChatDoneEvent>(),
  'chat:error': returns<ChatErrorEvent>(),
} as const
