// What every answer gets once it is complete: the JSON-mode check and its timings.
import type { GenerateOptions, Timings, Usage } from '../../../shared/llm'
import { LlmError } from '../../../shared/llm'

export function checkJson(
  text: string,
  options: GenerateOptions,
  context: { provider: string; model: string },
): void {
  if (!options.jsonMode) return
  try {
    JSON.parse(text)
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    throw new LlmError({
      ...context,
      code: 'invalid_json',
      message: `JSON mode was on but the answer is not valid JSON (${detail}).`,
      text,
    })
  }
}

export function computeTimings(
  firstTokenMs: number,
  totalMs: number,
  usage: Usage,
  queuedMs = 0,
): Timings {
  const generationMs = totalMs - firstTokenMs
  const tokens = usage.completionTokens
  const seconds = (generationMs > 0 ? generationMs : totalMs) / 1000
  const timings: Timings = { firstTokenMs: round(firstTokenMs), totalMs: round(totalMs) }
  if (tokens && seconds > 0) timings.tokensPerSecond = round(tokens / seconds)
  if (queuedMs > 0) timings.queuedMs = round(queuedMs)
  return timings
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
