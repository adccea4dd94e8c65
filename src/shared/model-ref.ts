// `provider/model` references (bench suites, `--models`): apart from the bench schemas, which the CLI's other commands never build.
import { z } from 'zod'

/** `provider/model`: the first slash splits, so model names may hold slashes of their own. */
export const modelRefSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]+\/\S+$/, 'expected "provider/model", e.g. "groq/llama-3.1-8b-instant"')
  .max(300)

export function splitModelRef(ref: string): { provider: string; model: string } {
  const slash = ref.indexOf('/')
  return { provider: ref.slice(0, slash), model: ref.slice(slash + 1) }
}
