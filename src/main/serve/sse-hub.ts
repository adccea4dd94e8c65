// Server-sent events for serve mode: one stream per page, every contract event as `event: <name>`.
import type { ServerResponse } from 'node:http'
import type { EventName } from '../../shared/contract'

const HEARTBEAT_MS = 20_000

export class SseHub {
  private readonly clients = new Set<ServerResponse>()
  private readonly heartbeat: NodeJS.Timeout

  constructor() {
    // A comment line now and then keeps proxies and idle sockets from closing the stream.
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  get size(): number {
    return this.clients.size
  }

  add(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    this.clients.add(res)
    res.on('close', () => this.clients.delete(res))
  }

  broadcast(name: EventName, payload: unknown): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(payload ?? null)}\n\n`)
  }

  closeAll(): void {
    clearInterval(this.heartbeat)
    for (const res of this.clients) res.end()
    this.clients.clear()
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk)
  }
}
