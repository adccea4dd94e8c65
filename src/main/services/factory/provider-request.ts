// The request a handler hands its provider client: the prompt after the history, and the signal if any.
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
  // A plain object of one shape whether or not a signal exists: no getter, no optional fields added later.
  return {
    model,
    messages,
    system: options.system,
    maxTokens: options.maxTokens,
    temperature: options.temperature,
    jsonMode: options.jsonMode,
    signal,
  }
}
