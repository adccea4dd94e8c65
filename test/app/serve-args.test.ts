// Serve mode's arguments: parseArgs + zod, token fallbacks, usage and exit code 2 on bad input.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVE_PORT, parseServeArgs } from '../../src/main/serve/args'

describe('parseServeArgs', () => {
  it('resolves the workspace and applies defaults', () => {
    const parsed = parseServeArgs(['--workspace', 'ws'], {}, '/home/me')
    expect(parsed).toMatchObject({
      kind: 'run',
      args: { workspace: '/home/me/ws', port: DEFAULT_SERVE_PORT },
    })
    if (parsed.kind === 'run') expect(parsed.args.token.length).toBeGreaterThanOrEqual(24)
  })

  it('takes the token from --token, then MINDX_STUDIO_TOKEN', () => {
    const fromEnv = parseServeArgs(
      ['--workspace', '/w'],
      { MINDX_STUDIO_TOKEN: 'env-token-1' },
      '/',
    )
    expect(fromEnv).toMatchObject({ args: { token: 'env-token-1' } })
    const fromFlag = parseServeArgs(
      ['--workspace', '/w', '--token', 'flag-token', '--port', '0'],
      { MINDX_STUDIO_TOKEN: 'env-token-1' },
      '/',
    )
    expect(fromFlag).toMatchObject({ args: { token: 'flag-token', port: 0 } })
  })

  it('rejects missing workspace, bad port, short token and unknown flags', () => {
    for (const argv of [
      [],
      ['--workspace', '/w', '--port', 'abc'],
      ['--workspace', '/w', '--port', '70000'],
      ['--workspace', '/w', '--token', 'short'],
      ['--workspace', '/w', '--bogus'],
      ['stray'],
    ]) {
      expect(parseServeArgs(argv, {}, '/').kind).toBe('error')
    }
  })
})

describe('serve CLI', () => {
  it('prints usage and exits 2 on bad arguments', () => {
    const root = join(import.meta.dirname, '..', '..')
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'src/main/serve/cli.ts',
        '--port',
        'x',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Usage: npm run serve -- --workspace DIR')
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
})
