// What the run-* scripts share: the --port/--key flags, the URL on stdout, a clean stop on Ctrl-C or kill.
import { parseArgs } from 'node:util'

/** `--port N` (0, the default, picks a free port). */
export const PORT_FLAG = { port: { type: 'string', default: '0' } } as const

/** `--port` and `--key` for a fake that checks an API key. */
export function keyedFakeArgs(defaultKey: string): { port: number; apiKey: string } {
  const { values } = parseArgs({
    options: { ...PORT_FLAG, key: { type: 'string', default: defaultKey } },
  })
  return { port: Number(values.port), apiKey: values.key }
}

/** Prints the URL (alone on stdout, so scripts can read it) and closes the fake on SIGINT/SIGTERM. */
export function serveUntilStopped(fake: { close(): Promise<void> }, url: string): void {
  console.log(url)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void fake.close().then(() => process.exit(0)))
  }
}
