// The request a handler hands its provider client: the prompt after the history, and a signal only if it can fire.
import type { ChatMessage } from '../../../shared/llm'
import type { ProviderRequest } from '../providers/types'
import type { CallOptions } from './types'

export function providerRequest(
  prompt: string,
  options: CallOptions,
  signal: AbortSignal | undefined,
  model: string,
): ProviderRequest {
  const turn: ChatMessage = { role: 'user', content: prompt }
  const history = options.history
  const messages = history === undefined || history.length === 0 ? [turn] : [...history, turn]
  // Continue after Stop on a protocol with native prefill: the partial answer is the last message.
  if (options.prefill) messages.push({ role: 'assistant', content: options.prefill })
  const { system, maxTokens, temperature, jsonMode } = options
  if (signal !== undefined) {
    return { model, messages, system, maxTokens, temperature, jsonMode, signal }
  }
  // Nothing can abort this call: a client that reads `signal` anyway gets one that never fires.
  let never: AbortSignal | undefined
  return {
    model,
    messages,
    system,
    maxTokens,
    temperature,
    jsonMode,
    abortable: false,
    get signal() {
      return (never ??= new AbortController().signal)
    },
  }
}
