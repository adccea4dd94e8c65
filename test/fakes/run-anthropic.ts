// Starts the fake Anthropic Messages API and prints its base URL (e2e and manual runs).
import { DEFAULT_ANTHROPIC_KEY, startFakeAnthropic } from './anthropic-server'
import { keyedFakeArgs, serveUntilStopped } from './run-fake'

const server = await startFakeAnthropic(keyedFakeArgs(DEFAULT_ANTHROPIC_KEY))
serveUntilStopped(server, server.url)
