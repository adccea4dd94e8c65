// A test-only HTTP control for the e2e fakes (specs run in another process): requests, hold/hang/release, restart.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FakeHttpServer } from '../../test/fakes/fake-http'

/** A fake the specs can inspect; `start` makes it restartable (fresh state, same port). */
export interface ControlledFake {
  server: FakeHttpServer & { state?: unknown }
  start?: (port: number) => Promise<FakeHttpServer & { state?: unknown }>
}

export interface FakeControl {
  url: string
  close(): Promise<void>
}

/** What a spec reads about one request (the live record holds a promise and headers it needs not). */
function summarize(server: FakeHttpServer, path: string | null) {
  return (path ? server.requestsTo(path) : server.requests).map((r) => ({
    method: r.method,
    path: r.path,
    body: r.body,
    closedEarly: r.closedEarly,
  }))
}

export async function startFakeControl(
  fakes: Record<string, ControlledFake>,
  port: number,
): Promise<FakeControl> {
  /** A stopped fake keeps its port here, so `start` brings it back where the workspace expects it. */
  const stopped = new Map<string, number>()

  async function act(name: string, verb: string, url: URL): Promise<unknown> {
    const fake = fakes[name]
    if (!fake) throw new Error(`no fake named ${name}`)
    const { server } = fake
    switch (verb) {
      case 'requests':
        return summarize(server, url.searchParams.get('path'))
      case 'state':
        return server.state ?? null
      case 'hold':
        server.hold(Number(url.searchParams.get('after') ?? 0))
        return { held: true }
      case 'hang':
        server.hang(url.searchParams.get('path') ?? '/')
        return { hanging: true }
      case 'release':
        server.release()
        return { released: true }
      case 'stop':
        if (!stopped.has(name)) {
          stopped.set(name, server.port)
          await server.close()
        }
        return { stopped: true }
      case 'restart': {
        if (!fake.start) throw new Error(`${name} cannot be restarted`)
        const samePort = stopped.get(name) ?? server.port
        if (!stopped.has(name)) await server.close()
        fake.server = await fake.start(samePort)
        stopped.delete(name)
        return { url: fake.server.url }
      }
      default:
        throw new Error(`unknown verb ${verb}`)
    }
  }

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const [, root, name, verb] = url.pathname.split('/')
    const answer =
      root === 'fakes' && !name
        ? Promise.resolve(
            Object.fromEntries(Object.entries(fakes).map(([key, f]) => [key, f.server.url])),
          )
        : act(name ?? '', verb ?? '', url)
    answer.then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      },
      (error: unknown) => {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: String(error) }))
      },
    )
  })
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve))
  const { port: bound } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: async () => {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      await Promise.allSettled(Object.values(fakes).map((f) => f.server.close()))
    },
  }
}
