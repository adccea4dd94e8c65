// The Playground's main-side services: streams, saved conversations, export, presets.
export type { ChatStreamSink, StartChatRequest } from './chat-streams'
export { ChatStreams, describeChatError } from './chat-streams'
export {
  ConversationNotFoundError,
  ConversationStore,
  CONVERSATIONS_DIR,
} from './conversation-store'
export { exportConversation } from './export-conversation'
export { PresetNameTakenError, PresetNotFoundError, PresetStore, PRESETS_DIR } from './preset-store'
