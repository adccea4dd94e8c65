// Starts the fake Ollama for manual runs, e2e suites and benchmarks: `tsx test/fakes/run-ollama.ts --port 11435`.
import { parseArgs } from 'node:util'
import { startFakeOllama } from './ollama-server'
import { PORT_FLAG, serveUntilStopped } from './run-fake'

const { values } = parseArgs({
  options: {
    ...PORT_FLAG,
    models: { type: 'string' },
    running: { type: 'string' },
    'chunk-delay-ms': { type: 'string', default: '0' },
    'invalid-json': { type: 'boolean', default: false },
    key: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.error(
    'usage: run-ollama [--port N] [--models a,b] [--running a] [--chunk-delay-ms N] [--invalid-json] [--key K (Ollama Cloud: bearer required)]',
  )
  process.exit(0)
}

const list = (value: string | undefined) => value?.split(',').filter(Boolean)

const fake = await startFakeOllama({
  port: Number(values.port),
  models: list(values.models),
  running: list(values.running),
  chunkDelayMs: Number(values['chunk-delay-ms']),
  invalidJson: values['invalid-json'],
  ...(values.key === undefined ? {} : { apiKey: values.key }),
})

serveUntilStopped(fake, fake.url)
console.error(`fake Ollama listening on ${fake.url} (Ctrl+C to stop)`)
