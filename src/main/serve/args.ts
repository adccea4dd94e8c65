// Serve mode's command line: node:util parseArgs for the shape, zod for the values.
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'

export const DEFAULT_SERVE_PORT = 5757

export const SERVE_USAGE = `Usage: npm run serve -- --workspace DIR [--allow-root DIR]... [--port N] [--token T]

Serves the studio and its API on http://127.0.0.1 for any browser.

  --workspace DIR   the workspace folder (a mindX checkout, or a new folder to create and seed)
  --allow-root DIR  the web UI may switch to workspaces under DIR (repeatable; default: only
                    the --workspace folder and folders inside it)
  --port N          port on 127.0.0.1 (default ${DEFAULT_SERVE_PORT}; 0 picks a free one)
  --token T         the API token (default: $MINDX_STUDIO_TOKEN, else a random one)
  --help            show this message`

const serveArgsSchema = z.object({
  workspace: z
    .string({ error: '--workspace DIR is required' })
    .trim()
    .min(1, '--workspace is empty'),
  allowRoots: z.array(z.string().trim().min(1, '--allow-root is empty')).default([]),
  port: z.coerce
    .number({ error: '--port must be a number' })
    .int('--port must be a whole number')
    .min(0, '--port must be 0..65535')
    .max(65535, '--port must be 0..65535')
    .default(DEFAULT_SERVE_PORT),
  token: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{8,256}$/, '--token must be 8+ characters of A-Z a-z 0-9 . _ ~ -')
    .optional(),
})

export interface ServeArgs {
  workspace: string
  /** Absolute folders the switcher may open workspaces under; the workspace is always first. */
  allowRoots: string[]
  port: number
  token: string
}

export type ParsedServeArgs =
  { kind: 'run'; args: ServeArgs } | { kind: 'help' } | { kind: 'error'; message: string }

export function parseServeArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  cwd: string,
): ParsedServeArgs {
  let values: Record<string, string | boolean | string[] | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        workspace: { type: 'string' },
        'allow-root': { type: 'string', multiple: true },
        port: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
  if (values.help) return { kind: 'help' }
  const parsed = serveArgsSchema.safeParse({
    workspace: values.workspace,
    allowRoots: values['allow-root'],
    port: values.port,
    token: values.token ?? (env.MINDX_STUDIO_TOKEN || undefined),
  })
  if (!parsed.success) {
    return { kind: 'error', message: parsed.error.issues.map((i) => i.message).join('; ') }
  }
  const workspace = resolve(cwd, parsed.data.workspace)
  const roots = [workspace, ...parsed.data.allowRoots.map((root) => resolve(cwd, root))]
  return {
    kind: 'run',
    args: {
      workspace,
      allowRoots: [...new Set(roots)],
      port: parsed.data.port,
      token: parsed.data.token ?? randomBytes(24).toString('base64url'),
    },
  }
}
