// Starts the fake Gemini server on a given port and prints its mindX-style base URL (e2e and manual runs).
import { DEFAULT_GEMINI_KEY, startFakeGemini } from './gemini-server'
import { keyedFakeArgs, serveUntilStopped } from './run-fake'

const server = await startFakeGemini(keyedFakeArgs(DEFAULT_GEMINI_KEY))
serveUntilStopped(server, server.apiUrl)
