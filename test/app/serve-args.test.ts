// Serve mode's arguments: parseArgs + zod, token fallbacks, usage and exit code 2 on bad input.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SERVE_PORT, parseServeArgs } from '../../src/main/serve/args'
import { studioStateDir } from '../../src/main/serve/state-dir'

describe('parseServeArgs', () => {
  it('resolves the workspace and applies defaults', () => {
    const parsed = parseServeArgs(['--workspace', 'ws'], {}, '/home/me')
    expect(parsed).toMatchObject({
      kind: 'run',
      args: { workspace: '/home/me/ws', port: DEFAULT_SERVE_PORT },
    })
    if (parsed.kind === 'run') expect(parsed.args.token.length).toBeGreaterThanOrEqual(24)
  })

  it('allows the workspace by default, and each --allow-root (resolved) besides', () => {
    expect(parseServeArgs(['--workspace', 'ws'], {}, '/home/me')).toMatchObject({
      args: { allowRoots: ['/home/me/ws'] },
    })
    const parsed = parseServeArgs(
      [
        '--workspace',
        'ws',
        '--allow-root',
        'projects',
        '--allow-root',
        '/srv/mindx',
        '--allow-root',
        'ws',
      ],
      {},
      '/home/me',
    )
    expect(parsed).toMatchObject({
      args: { allowRoots: ['/home/me/ws', '/home/me/projects', '/srv/mindx'] },
    })
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
      [join(root, 'scripts', 'serve.mjs'), '--port', 'x'],
      { cwd: root, encoding: 'utf8' },
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Usage: npm run serve -- --workspace DIR')
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
})

describe('studioStateDir', () => {
  it('is $MINDX_STUDIO_STATE_DIR, else the desktop app’s data folder', () => {
    expect(studioStateDir({ MINDX_STUDIO_STATE_DIR: '/state' }, 'linux', '/home/me')).toBe('/state')
    expect(studioStateDir({}, 'linux', '/home/me')).toBe(
      '/home/me/.config/mindx-llm-factory-studio',
    )
    expect(studioStateDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/me')).toBe(
      '/xdg/mindx-llm-factory-studio',
    )
    expect(studioStateDir({}, 'darwin', '/Users/me')).toBe(
      '/Users/me/Library/Application Support/mindx-llm-factory-studio',
    )
  })
})
