// Test-only control of the chat fakes for the Playground specs: scripted replies, faults, hold, close checks.
import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { FakeHttpServer, Fault } from '../../test/fakes/fake-http'
import type { ReplyControls } from '../../test/fakes/echo-model'

/** Specs reach this control on the serve port plus this offset. */
export const E2E_CHAT_CONTROL_PORT_OFFSET = 7

type ChatFake = FakeHttpServer & ReplyControls

const CHAT_PATHS: Record<string, string> = {
  groq: '/openai/v1/chat/completions',
  gemini: '',
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

/** The latest chat request once it has finished or been closed (or null after 5 s). */
async function lastChat(fake: ChatFake, path: string) {
  const requests = path ? fake.requestsTo(path) : fake.requests
  const last = requests.at(-1)
  if (!last) return null
  const settled = await Promise.race([
    last.settled.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
  ])
  return { settled, closedEarly: last.closedEarly, body: last.body }
}

export async function startChatFakeControl(
  fakes: Record<'groq' | 'gemini', ChatFake>,
  port: number,
): Promise<{ url: string }> {
  async function act(name: string, verb: string, req: IncomingMessage): Promise<unknown> {
    const fake = fakes[name as 'groq' | 'gemini'] as ChatFake | undefined
    if (!fake) throw new Error(`no chat fake named ${name}`)
    const body = await readJson(req)
    switch (verb) {
      case 'reset':
        // Faults, holds, delays and the request log go; a spec starts from a plain echo.
        fake.reset()
        fake.setReply(undefined)
        fake.setInvalidJson(false)
        return { reset: true }
      case 'reply': {
        const text = typeof body.text === 'string' ? body.text : undefined
        fake.setReply(text === undefined ? undefined : () => text)
        return { reply: text ?? null }
      }
      case 'invalid-json':
        fake.setInvalidJson(body.on === true)
        return { invalidJson: body.on === true }
      case 'hold':
        fake.hold(Number(body.after ?? 1))
        return { held: true }
      case 'release':
        fake.release()
        return { released: true }
      case 'fail':
        fake.fail(body as unknown as Fault)
        return { failing: true }
      case 'last-chat':
        return lastChat(fake, CHAT_PATHS[name] ?? '')
      default:
        throw new Error(`unknown verb ${verb}`)
    }
  }

  const http = createServer((req, res) => {
    const [, root, name = '', verb = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/')
    const answer = root === 'chat' ? act(name, verb, req) : Promise.reject(new Error('not found'))
    answer.then(
      (value) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
      (error: unknown) =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: String(error) })),
    )
  })
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve))
  // The e2e server process exits as a whole; this control must not keep it alive.
  http.unref()
  return { url: `http://127.0.0.1:${port}` }
}
