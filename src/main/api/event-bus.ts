// Typed main → renderer events; each transport (IPC, SSE) subscribes once and forwards.
import type { EventName, EventPayload } from '../../shared/contract'

export type AnyEventListener = (name: EventName, payload: unknown) => void

export interface AppEventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  /** Receives every event; returns the unsubscribe function. */
  subscribe(listener: AnyEventListener): () => void
}

export function createEventBus(): AppEventBus {
  const listeners = new Set<AnyEventListener>()
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) listener(name, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
