// The one call path every transport uses: look up the channel, zod-parse the input, run the handler.
import type { ApiResult, Channel, MethodOutput, MethodParsedInput } from '../../shared/contract'
import { errorCodesOf, isChannel, methods } from '../../shared/contract'
import { toAppErrorData } from './app-error'

/** The main-side implementation table: one async function per contract method. */
export type ApiHandlers = {
  [C in Channel]: (input: MethodParsedInput<C>) => Promise<MethodOutput<C>>
}

export interface DispatchOptions {
  log?: (message: string, error: unknown) => void
}

export type ApiDispatcher = (channel: string, rawInput: unknown) => Promise<ApiResult<unknown>>

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
    const parsed = methods[channel].input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      return { ok: false, error: toAppErrorData(parsed.error, { allowed: ['invalid_input'] }) }
    }
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
