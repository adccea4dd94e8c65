// The deterministic "model" behind the Groq and Gemini fakes: echo, JSON mode, word tokens, scripted replies.

export interface ReplyRequest {
  model: string
  /** The conversation as the provider received it, roles in the provider's own vocabulary. */
  messages: { role: string; content: string }[]
  jsonMode: boolean
}

export interface ReplyOptions {
  /** The assistant's answer; default echoes the last user message. */
  reply?: (request: ReplyRequest) => string
  /** In JSON mode answer with truncated JSON (for the factory's invalid_json checks). */
  invalidJson?: boolean
}

/** The fake model: echo by default, `{"echo": …}` in JSON mode, or what the test scripted. */
export function replyText(request: ReplyRequest, options: ReplyOptions): string {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user')
  const text = options.reply ? options.reply(request) : (lastUser?.content ?? '')
  if (!request.jsonMode) return text
  const json = options.reply ? text : JSON.stringify({ echo: text })
  return options.invalidJson ? json.slice(0, Math.max(1, json.length - 2)) : json
}

/** Whitespace-separated words stand in for tokens: deterministic and easy to assert on. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Splits a reply into word-sized deltas that concatenate back to the exact text. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])
}

/** Keeps the first `maxTokens` words, as a model stopping at its output limit would. */
export function truncateToTokens(text: string, maxTokens: number | undefined): string {
  if (maxTokens === undefined || countTokens(text) <= maxTokens) return text
  return splitIntoDeltas(text).slice(0, maxTokens).join('').trimEnd()
}

/** Prompt tokens of a conversation, counted the same way as the reply. */
export function countPromptTokens(messages: { content: string }[]): number {
  return messages.reduce((sum, message) => sum + countTokens(message.content), 0)
}

/** What a fake exposes to re-script its model between tests. */
export interface ReplyControls {
  /** Script the assistant's answer (undefined restores the echo). */
  setReply(reply: ReplyOptions['reply']): void
  /** In JSON mode answer with truncated JSON. */
  setInvalidJson(invalid: boolean): void
}

/** Controls that change `reply` in place, so the fake's handlers see the new script at once. */
export function replyControls(reply: ReplyOptions): ReplyControls {
  return {
    setReply(script) {
      reply.reply = script
    },
    setInvalidJson(invalid) {
      reply.invalidJson = invalid
    },
  }
}
