// A loopback server answering Ollama /api/chat and OpenAI-style (Groq, OpenAI) chat completions with
// canned, protocol-shaped bodies: as cheap as an answer can be, so the client's own cost dominates.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CheapFake {
  url: string
  /** Deltas in every streamed answer (default 3); set it before a run. */
  setStreamDeltas(count: number): void
  close(): Promise<void>
}

const CREATED_AT = '2026-01-01T00:00:00Z'
const MODEL = 'phi3:mini'

function ollamaLine(content: string, done: boolean): string {
  const tail = done
    ? ',"done_reason":"stop","total_duration":1,"prompt_eval_count":2,"eval_count":3'
    : ''
  const message = JSON.stringify({ role: 'assistant', content })
  return `{"model":"${MODEL}","created_at":"${CREATED_AT}","message":${message},"done":${done}${tail}}\n`
}

const OLLAMA_ANSWER = ollamaLine('hello bench', true)

const USAGE = '"usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}'

function completion(model: string): string {
  return `{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"${model}","choices":[{"index":0,"message":{"role":"assistant","content":"hello bench"},"logprobs":null,"finish_reason":"stop"}],${USAGE}}`
}

function sseChunk(model: string, delta: string, finish: string | null, extra = ''): string {
  const reason = finish === null ? 'null' : `"${finish}"`
  return `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"${model}","choices":[{"index":0,"delta":${delta},"finish_reason":${reason}}]${extra}}\n\n`
}

/** The whole streamed body, built once per delta count: one write, parsed by the client in pieces. */
function streamedBody(kind: 'ollama' | 'openai', count: number): string {
  const parts: string[] = []
  if (kind === 'ollama') {
    for (let i = 0; i < count; i++) parts.push(ollamaLine('x', false))
    parts.push(ollamaLine('', true))
    return parts.join('')
  }
  const model = 'llama-3.1-8b-instant'
  parts.push(sseChunk(model, '{"role":"assistant","content":""}', null))
  for (let i = 0; i < count; i++) parts.push(sseChunk(model, '{"content":"x"}', null))
  parts.push(sseChunk(model, '{}', 'stop', `,${USAGE}`))
  parts.push('data: [DONE]\n\n')
  return parts.join('')
}

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

export async function startCheapFake(): Promise<CheapFake> {
  let deltas = 3
  const bodies = new Map<string, Buffer>()
  const streamed = (kind: 'ollama' | 'openai') => {
    const key = `${kind} ${deltas}`
    let body = bodies.get(key)
    if (!body) {
      body = Buffer.from(streamedBody(kind, deltas))
      bodies.set(key, body)
    }
    return body
  }
  const answer = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    // Only the `stream` flag matters; no JSON parse of the body.
    const stream = !raw.includes('"stream":false') && raw.includes('"stream":true')
    if (req.url === '/api/chat') {
      if (raw.includes('"stream":false')) send(res, 'application/json', OLLAMA_ANSWER)
      else send(res, 'application/x-ndjson', streamed('ollama'))
    } else if (req.url?.endsWith('/chat/completions')) {
      if (stream) send(res, 'text/event-stream', streamed('openai'))
      else send(res, 'application/json', completion('llama-3.1-8b-instant'))
    } else {
      res.writeHead(404).end()
    }
  }
  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (part: string) => (raw += part))
    req.on('end', () => answer(req, res, raw))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setStreamDeltas(count) {
      deltas = count
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
