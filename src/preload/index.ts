// Preload (sandboxed, CommonJS): exposes window.mindx = the contract's methods + event subscription.
import { contextBridge, ipcRenderer } from 'electron'
import type { EventName, MindxBridge, Subscribe } from '../shared/contract'
import { createBridgeMethods, EVENT_IPC_CHANNEL, isEventName } from '../shared/contract'

const listeners = new Map<EventName, Set<(payload: unknown) => void>>()

ipcRenderer.on(EVENT_IPC_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return
  for (const listener of listeners.get(name) ?? []) listener(payload)
})

const on: Subscribe = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`)
  const set = listeners.get(event) ?? new Set()
  const untyped = listener as (payload: unknown) => void
  set.add(untyped)
  listeners.set(event, set)
  return () => void set.delete(untyped)
}

// Named functions only: no ipcRenderer, no process, no generic invoke.
const bridge: MindxBridge = {
  ...createBridgeMethods((channel, input) => ipcRenderer.invoke(channel, input)),
  on,
}

contextBridge.exposeInMainWorld('mindx', bridge)
