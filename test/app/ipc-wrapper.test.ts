// The IPC wrapper: every channel registered once, sender-frame check first, zod-parsed input.
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import type { InvokeEventLike, IpcMainLike } from '../../src/main/ipc/register-ipc'
import { createSenderCheck, registerIpcHandlers } from '../../src/main/ipc/register-ipc'
import { isAppUrl } from '../../src/main/navigation-policy'
import { CHANNELS } from '../../src/shared/contract'
import { cannedHandlers } from './helpers'

type Listener = (event: InvokeEventLike, input: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => handlers.delete(channel),
  }
  return { ipcMain, handlers }
}

const ourContents = { id: 1 }
const otherContents = { id: 2 }
const mainFrame = { url: 'app://mindx/index.html', parent: null }
const subFrame = { url: 'app://mindx/index.html', parent: mainFrame }

function setup() {
  const { ipcMain, handlers } = fakeIpcMain()
  const unregister = registerIpcHandlers({
    ipcMain,
    dispatch: createDispatcher(cannedHandlers()),
    isTrustedSender: createSenderCheck({
      webContents: () => ourContents,
      isAppUrl: (u) => isAppUrl(u),
    }),
  })
  const invoke = (
    channel: string,
    frame: InvokeEventLike['senderFrame'],
    input?: unknown,
    sender: unknown = ourContents,
  ) => {
    const listener = handlers.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener({ sender, senderFrame: frame }, input)
  }
  return { handlers, invoke, unregister }
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { handlers, unregister } = setup()
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    unregister()
    expect(handlers.size).toBe(0)
  })

  it("answers our window's main frame", async () => {
    const { invoke } = setup()
    await expect(invoke('app:info', mainFrame, {})).resolves.toMatchObject({
      ok: true,
      value: { version: '1.2.3' },
    })
  })

  it('refuses subframes, other webContents, missing frames and foreign pages with forbidden', async () => {
    const { invoke } = setup()
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } }
    await expect(invoke('app:info', subFrame, {})).resolves.toEqual(forbidden)
    await expect(invoke('app:info', mainFrame, {}, otherContents)).resolves.toEqual(forbidden)
    await expect(invoke('app:info', null, {})).resolves.toEqual(forbidden)
    const navigatedAway = { url: 'https://evil.example/', parent: null }
    await expect(invoke('app:info', navigatedAway, {})).resolves.toEqual(forbidden)
  })

  it('refuses everything while there is no window', () => {
    const check = createSenderCheck({ webContents: () => undefined, isAppUrl: () => true })
    expect(check({ sender: undefined, senderFrame: mainFrame })).toBe(false)
  })

  it('zod-rejects bad input as {code, message} only (no stack)', async () => {
    const { invoke } = setup()
    const result = await invoke('factory:resolve', mainFrame, { model: ['not', 'a', 'string'] })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('model') },
    })
    expect(JSON.stringify(result)).not.toContain('    at ')
  })
})
