// The one place ipcMain handlers are registered: sender-frame check, then the shared dispatcher.
import type { ApiResult } from '../../shared/contract'
import { CHANNELS } from '../../shared/contract'
import type { ApiDispatcher } from '../api/dispatch'

/** The parts of Electron's IpcMainInvokeEvent the check needs (tests pass plain objects). */
export interface InvokeEventLike {
  sender: unknown
  senderFrame: { url: string; parent: unknown } | null
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

/**
 * Sender check: the call must come from our window's webContents, from its top frame (not an
 * iframe), while it shows an app page (not something it was navigated to).
 */
export function createSenderCheck(options: {
  webContents: () => unknown
  isAppUrl: (url: string) => boolean
}): (event: InvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame
    const ours = options.webContents()
    return (
      ours !== undefined &&
      ours !== null &&
      event.sender === ours &&
      frame !== null &&
      frame.parent === null &&
      options.isAppUrl(frame.url)
    )
  }
}
