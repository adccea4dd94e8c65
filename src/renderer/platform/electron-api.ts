// AppApi over the preload bridge (window.mindx): unwraps results into values or AppErrors.
import type { ApiResult, MindxBridge } from '../../shared/contract'
import { createApiMethods } from '../../shared/contract'
import type { AppApi } from './app-api'
import { asApiResult, unwrapResult } from './app-api'

declare global {
  interface Window {
    /** Present only in Electron, exposed by src/preload. */
    mindx?: MindxBridge
  }
}

type BridgeCall = (input: unknown) => Promise<ApiResult<unknown>>

export function createElectronAppApi(bridge: MindxBridge): AppApi {
  const table = bridge as unknown as Record<string, Record<string, BridgeCall> | undefined>
  const methods = createApiMethods(async (channel, input) => {
    const [domain = '', verb = ''] = channel.split(':')
    const call = table[domain]?.[verb]
    if (!call) throw new Error(`The preload does not expose ${channel}; rebuild the app.`)
    return unwrapResult(asApiResult(await call(input), channel))
  })
  return { ...methods, transport: 'electron', on: (event, listener) => bridge.on(event, listener) }
}
