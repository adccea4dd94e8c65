// Starts the fake Groq server on a given port and prints its mindX-style base URL (e2e and manual runs).
import { parseArgs } from 'node:util'
import { DEFAULT_GROQ_KEY, startFakeGroq } from './groq-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string', default: DEFAULT_GROQ_KEY },
  },
})

const server = await startFakeGroq({ port: Number(values.port), apiKey: values.key })
console.log(server.openaiUrl)

// Ctrl-C or the test runner's kill ends it cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)))
}
