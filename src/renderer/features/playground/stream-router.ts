// Routes chat:* events to the stream that asked for them; deltas are batched once per animation frame.
import type { ChatDoneEvent, ChatErrorEvent } from '../../../shared/chat'
import type { AppApi } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'

export interface StreamCallbacks {
  /** Text appended since the last frame (never called with ''). */
  onText(appended: string): void
  onDone(event: ChatDoneEvent): void
  onError(event: ChatErrorEvent): void
}

const watchers = new Map<string, StreamCallbacks>()
const pending = new Map<string, string>()
let frame: number | null = null
let subscribedTo: AppApi | null = null
let unsubscribe: (() => void) | null = null

const nextFrame: (flush: () => void) => number =
  typeof requestAnimationFrame === 'function'
    ? (flush) => requestAnimationFrame(flush)
    : (flush) => setTimeout(flush, 16) as unknown as number

function flushAll(): void {
  frame = null
  const batch = [...pending]
  pending.clear()
  for (const [streamId, text] of batch) watchers.get(streamId)?.onText(text)
}

/** Hands over what is buffered for one stream now (before its done/error is applied). */
function flushOne(streamId: string): void {
  const text = pending.get(streamId)
  pending.delete(streamId)
  if (text) watchers.get(streamId)?.onText(text)
}

function ensureSubscribed(): void {
  const api = getAppApi()
  if (subscribedTo === api) return
  unsubscribe?.()
  subscribedTo = api
  const offs = [
    api.on('chat:delta', ({ streamId, text }) => {
      if (!watchers.has(streamId) || text === '') return
      pending.set(streamId, (pending.get(streamId) ?? '') + text)
      frame ??= nextFrame(flushAll)
    }),
    api.on('chat:done', (event) => {
      flushOne(event.streamId)
      const watcher = watchers.get(event.streamId)
      watchers.delete(event.streamId)
      watcher?.onDone(event)
    }),
    api.on('chat:error', (event) => {
      flushOne(event.streamId)
      const watcher = watchers.get(event.streamId)
      watchers.delete(event.streamId)
      watcher?.onError(event)
    }),
  ]
  unsubscribe = () => offs.forEach((off) => off())
}

/** Listens for one stream's events; call before chat:send so no early delta is missed. */
export function watchStream(streamId: string, callbacks: StreamCallbacks): () => void {
  ensureSubscribed()
  watchers.set(streamId, callbacks)
  return () => {
    watchers.delete(streamId)
    pending.delete(streamId)
  }
}

/** Opens the event connection early (serve mode's SSE), so the first answer's events are not missed. */
export function connectChatEvents(): void {
  ensureSubscribed()
}

export function newId(prefix: string): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().replace(/-/g, '').slice(0, 16)
      : Math.random().toString(36).slice(2, 18)
  return `${prefix}-${Date.now().toString(36)}-${random}`
}
