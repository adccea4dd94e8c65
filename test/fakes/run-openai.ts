// Starts the fake OpenAI-compatible server and prints its /v1 base URL (e2e and manual runs).
import { DEFAULT_OPENAI_KEY, startFakeOpenAi } from './openai-server'
import { keyedFakeArgs, serveUntilStopped } from './run-fake'

const server = await startFakeOpenAi(keyedFakeArgs(DEFAULT_OPENAI_KEY))
serveUntilStopped(server, server.apiUrl)
