// Continue after Stop: how the answer so far goes back to the model (native prefill or an instruction).
import type { ChatMessage } from '../../../shared/llm'
import type { ProviderProtocol } from '../../../shared/providers'

/** Protocols whose API continues a last assistant message (Anthropic documents "prefill"). */
const PREFILL_PROTOCOLS: ReadonlySet<ProviderProtocol> = new Set(['anthropic'])

/** What other providers get after the cut answer: a request to write the rest, and only the rest. */
export const CONTINUE_INSTRUCTION =
  'Continue your last answer exactly where it stopped, even mid-sentence or mid-word. ' +
  'Write only the rest: do not repeat anything already written, do not add an introduction.'

export interface ContinuationCall {
  prompt: string
  history: ChatMessage[]
  /** The answer so far, as an assistant prefill the model continues. */
  prefill?: string
}

/**
 * The call that continues `answerSoFar` (the answer to `prompt` after `history`). With a protocol
 * that supports prefill and one provider answering, the answer so far is the start of the reply;
 * otherwise (other protocols, a failover chain that may reach one) it goes in the history and an
 * instruction asks for the rest. Either way the stream carries only the new text.
 */
export function continuationCall(
  request: { prompt: string; history: ChatMessage[]; answerSoFar: string },
  target: { protocol: ProviderProtocol; failover: boolean },
): ContinuationCall {
  // Anthropic refuses a prefill that ends in whitespace; the continuation brings its own.
  const answerSoFar = request.answerSoFar.trimEnd()
  if (PREFILL_PROTOCOLS.has(target.protocol) && !target.failover) {
    return { prompt: request.prompt, history: request.history, prefill: answerSoFar }
  }
  return {
    prompt: CONTINUE_INSTRUCTION,
    history: [
      ...request.history,
      { role: 'user', content: request.prompt },
      { role: 'assistant', content: answerSoFar },
    ],
  }
}
