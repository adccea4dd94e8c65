// The one call path every transport uses: look up the channel, zod-parse the input, run the handler.
import type {
  ApiResult,
  AppErrorData,
  Channel,
  MethodOutput,
  MethodParsedInput,
} from '../../shared/contract'
import { errorCodesOf, isChannel, methods } from '../../shared/contract'
import { jsonTreeProblem, MAX_INPUT_DEPTH } from '../../shared/json-depth'
import { toAppErrorData } from './app-error'

/** The main-side implementation table: one async function per contract method. */
export type ApiHandlers = {
  [C in Channel]: (input: MethodParsedInput<C>) => Promise<MethodOutput<C>>
}

export interface DispatchOptions {
  log?: (message: string, error: unknown) => void
}

export type ApiDispatcher = (channel: string, rawInput: unknown) => Promise<ApiResult<unknown>>

type ParsedInput = { ok: true; data: unknown } | { ok: false; error: AppErrorData }

const invalidInput = (message: string): ParsedInput => ({
  ok: false,
  error: { code: 'invalid_input', message },
})

/** The contract's zod check, after a depth check: zod recurses, so a hostile input must not reach it. */
function parseInput(channel: Channel, rawInput: unknown): ParsedInput {
  const problem = jsonTreeProblem(rawInput, MAX_INPUT_DEPTH)
  if (problem !== null)
    return invalidInput(`The input is refused: ${problem}. Send plain JSON data.`)
  try {
    const parsed = methods[channel].input.safeParse(rawInput ?? {})
    if (parsed.success) return { ok: true, data: parsed.data }
    return { ok: false, error: toAppErrorData(parsed.error, { allowed: ['invalid_input'] }) }
  } catch (error) {
    // Whatever else zod cannot walk is invalid input, not a crash.
    const reason = error instanceof Error ? error.message : String(error)
    return invalidInput(`The input could not be checked (${reason}); send plain JSON data.`)
  }
}

export function createDispatcher(
  handlers: ApiHandlers,
  options: DispatchOptions = {},
): ApiDispatcher {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'not_found', message: `No API method named "${channel}".` },
      }
    }
    const parsed = parseInput(channel, rawInput)
    if (!parsed.ok) return parsed
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      const allowed = errorCodesOf(channel)
      return {
        ok: false,
        error: toAppErrorData(error, { allowed, context: channel, log: options.log }),
      }
    }
  }
}
