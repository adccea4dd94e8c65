// The Playground store's shape, shared by its slices: model settings, chat runs, saved conversations.
import type { StoreApi } from 'zustand'
import type {
  ChatModelList,
  ChatSettings,
  Conversation,
  ConversationSummary,
  ExportFormat,
} from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import type { Loadable } from '../../stores/shell-store'

export type PlaygroundMode = 'chat' | 'compare'

/** Provider, model and generation settings, and the factory's default they start from. */
export interface ModelSettingsSlice {
  settings: ChatSettings
  /** The factory's default provider (marked in the picker). */
  defaultProvider: ProviderName | null
  /** The factory's default model for that provider, as last resolved. */
  defaultModel: string | null
  models: Partial<Record<ProviderName, Loadable<ChatModelList>>>
  updateSettings: (change: Partial<ChatSettings>) => void
  chooseProvider: (provider: ProviderName) => Promise<void>
  /** Drops every model list and pending request (the config or workspace changed). */
  forgetModels: () => void
  loadModels: (
    provider: ProviderName,
    options?: { force?: boolean },
  ) => Promise<ChatModelList | null>
  /** "Chat with this model" from another screen: a new conversation with that model picked. */
  chatWith: (provider: ProviderName, model: string) => void
  /** The factory's default changed (another screen, the disk): mark it, and follow it if in use. */
  refreshDefault: () => Promise<void>
}

/** Sending, streaming, stopping; answers' versions (Regenerate) and continuations (Continue). */
export interface ChatRunSlice {
  /** Runs `task` once the conversation saves already queued have landed (a rename must not be undone by one). */
  afterSaves: <T>(task: () => Promise<T>) => Promise<T>
  draft: string
  /** The stream answering now, if any (one at a time per conversation). */
  active: { streamId: string; turnId: string } | null
  setDraft: (draft: string) => void
  send: () => Promise<void>
  stop: () => Promise<void>
  /** Answers the last prompt again as a new version of its answer (the earlier ones are kept). */
  regenerate: () => Promise<void>
  /** The last answer, cut short (Stop, a reload, a broken stream), goes on where it stopped. */
  continueAnswer: () => Promise<void>
  /** Shows another version of an answer (0-based); later prompts get the shown one as history. */
  showVersion: (turnId: string, index: number) => void
  resend: (userTurnId: string, prompt: string) => Promise<void>
}

/** The open conversation and the workspace's saved ones. */
export interface ConversationSlice {
  conversation: Conversation
  saved: Loadable<ConversationSummary[]>
  clear: () => Promise<void>
  newConversation: () => void
  open: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
  /** A saved conversation's new title (rejects with the reason when the app refuses it). */
  rename: (id: string, title: string) => Promise<void>
  exportAs: (format: ExportFormat) => Promise<void>
  refreshSaved: () => Promise<void>
}

export interface PlaygroundState extends ModelSettingsSlice, ChatRunSlice, ConversationSlice {
  mode: PlaygroundMode
  /** A failure that is not an answer's (send refused, save failed), with what to do. */
  notice: string | null
  started: boolean
  start: () => () => void
  setMode: (mode: PlaygroundMode) => void
}

export type PlaygroundSet = StoreApi<PlaygroundState>['setState']
export type PlaygroundGet = StoreApi<PlaygroundState>['getState']

export const INITIAL_SETTINGS: ChatSettings = {
  provider: 'mock',
  model: '',
  system: '',
  jsonMode: false,
}
