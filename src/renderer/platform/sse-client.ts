// Reads serve mode's SSE stream with fetch (so the token travels in a header) and fans events out.
import type { EventName } from '../../shared/contract'
import { isEventName } from '../../shared/contract'

export interface SseClientOptions {
  url: string
  token: string
  fetch: typeof fetch
  /** First reconnect delay; doubles up to 10 s while the server is away. */
  retryMs?: number
}

type Listener = (payload: unknown) => void

/** Splits an SSE text stream into `(event, data)` pairs; keeps partial blocks for the next chunk. */
export function parseSseBlocks(buffer: string): {
  events: { name: string; data: string }[]
  rest: string
} {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  const events = blocks.flatMap((block) => {
    let name = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
    }
    return data.length > 0 ? [{ name, data: data.join('\n') }] : []
  })
  return { events, rest }
}

export class SseClient {
  private readonly listeners = new Map<EventName, Set<Listener>>()
  private controller: AbortController | null = null

  constructor(private readonly options: SseClientOptions) {}

  subscribe(name: EventName, listener: Listener): () => void {
    const set = this.listeners.get(name) ?? new Set()
    set.add(listener)
    this.listeners.set(name, set)
    if (!this.controller) this.open()
    return () => {
      set.delete(listener)
      if ([...this.listeners.values()].every((s) => s.size === 0)) this.close()
    }
  }

  close(): void {
    this.controller?.abort()
    this.controller = null
  }

  private open(): void {
    const controller = new AbortController()
    this.controller = controller
    void this.readLoop(controller.signal)
  }

  private async readLoop(signal: AbortSignal): Promise<void> {
    let delay = this.options.retryMs ?? 1000
    while (!signal.aborted) {
      try {
        await this.readOnce(signal)
        delay = this.options.retryMs ?? 1000
      } catch {
        // Server restarted or network blip: try again below.
      }
      if (signal.aborted) return
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, 10_000)
    }
  }

  private async readOnce(signal: AbortSignal): Promise<void> {
    const response = await this.options.fetch(this.options.url, {
      headers: { authorization: `Bearer ${this.options.token}`, accept: 'text/event-stream' },
      signal,
    })
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`)
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      const parsed = parseSseBlocks(buffer + value)
      buffer = parsed.rest
      for (const event of parsed.events) this.deliver(event.name, event.data)
    }
  }

  private deliver(name: string, data: string): void {
    if (!isEventName(name)) return
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      return
    }
    for (const listener of this.listeners.get(name) ?? []) listener(payload)
  }
}
