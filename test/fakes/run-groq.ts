// Starts the fake Groq server on a given port and prints its mindX-style base URL (e2e and manual runs).
import { DEFAULT_GROQ_KEY, startFakeGroq } from './groq-server'
import { keyedFakeArgs, serveUntilStopped } from './run-fake'

const server = await startFakeGroq(keyedFakeArgs(DEFAULT_GROQ_KEY))
serveUntilStopped(server, server.openaiUrl)
