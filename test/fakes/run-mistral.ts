// Starts the fake Mistral API and prints its /v1 base URL (e2e and manual runs).
import { DEFAULT_MISTRAL_KEY, startFakeMistral } from './mistral-server'
import { keyedFakeArgs, serveUntilStopped } from './run-fake'

const server = await startFakeMistral(keyedFakeArgs(DEFAULT_MISTRAL_KEY))
serveUntilStopped(server, server.apiUrl)
