// Starts the fake Gemini server on a given port and prints its mindX-style base URL (e2e and manual runs).
import { parseArgs } from 'node:util'
import { DEFAULT_GEMINI_KEY, startFakeGemini } from './gemini-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string', default: DEFAULT_GEMINI_KEY },
  },
})

const server = await startFakeGemini({ port: Number(values.port), apiKey: values.key })
console.log(server.apiUrl)

// Ctrl-C or the test runner's kill ends it cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)))
}
