// The CLI process: real stdio, Ctrl+C aborts the call; `scripts/cli.mjs` runs this from a cached bundle.
import './zod-jitless'
import { runCli } from './index'

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Runs the CLI on process.argv and sets process.exitCode (0 ok, 1 failure, 2 usage). */
export async function main(): Promise<void> {
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      process.env,
      process.cwd(),
      {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        readStdin,
      },
      controller.signal,
    )
  } catch (err) {
    process.stderr.write(`unexpected error: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  }
}
