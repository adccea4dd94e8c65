// The one place ipcMain handlers are registered: sender-frame check, then the shared dispatcher.
import type { ApiResult } from '../../shared/contract'
import { CHANNELS } from '../../shared/contract'
import type { ApiDispatcher } from '../api/dispatch'

/** The parts of Electron's IpcMainInvokeEvent the check needs (tests pass plain objects). */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>,
  ): void
  removeHandler(channel: string): void
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike
  dispatch: ApiDispatcher
  /** True only for our window's main frame showing an app page. */
  isTrustedSender: (event: InvokeEventLike) => boolean
}

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the studio window.' },
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpcHandlers(options: RegisterIpcOptions): () => void {
  for (const channel of CHANNELS) {
    options.ipcMain.handle(channel, async (event, input) =>
      options.isTrustedSender(event) ? options.dispatch(channel, input) : FORBIDDEN,
    )
  }
  return () => {
    for (const channel of CHANNELS) options.ipcMain.removeHandler(channel)
  }
}

/** Sender check: the frame must be the window's main frame (not a subframe) and show an app URL. */
export function createSenderCheck(options: {
  mainFrame: () => unknown
  isAppUrl: (url: string) => boolean
}): (event: InvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame
    return frame !== null && frame === options.mainFrame() && options.isAppUrl(frame.url)
  }
}
