// `generate --failover` / `--chain`: who answered, the attempts in --json, exit codes, every attempt printed.
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { refusedUrl } from '../helpers/refused-port'
import { FACTORY_JSON, makeWorkspace } from '../helpers/workspace'

let workspace: string

beforeAll(async () => {
  const dead = await refusedUrl()
  workspace = makeWorkspace({
    [FACTORY_JSON]: {
      default_provider_preference_order: ['groq', 'ollama', 'mock'],
      ollama_settings_for_factory: { base_url_override: dead, default_model_override: 'phi3:mini' },
    },
  })
})

async function cli(argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli([...argv, '--workspace', workspace], {}, '/nonexistent-cwd', {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: () => Promise.resolve(undefined),
  })
  return { code, out, err }
}

describe('generate --failover', () => {
  it('answers from the first entry that answers; --json adds the attempts and who answered', async () => {
    const { code, out } = await cli(['generate', '--prompt', 'hi', '--failover', '--json'])
    expect(code).toBe(0)
    const answer = JSON.parse(out) as Record<string, unknown>
    expect(answer).toMatchObject({ provider: 'mock', model: 'mock-model' })
    expect(answer['attempts']).toEqual([
      expect.objectContaining({ provider: 'groq', code: 'auth', notSent: 'no_key' }),
      expect.objectContaining({ provider: 'ollama', code: 'unreachable' }),
    ])
  })

  it('prints the route on stderr and the answer on stdout with an explicit --chain', async () => {
    const { code, out, err } = await cli(['generate', '--prompt', 'hi', '--chain', 'ollama,mock'])
    expect(code).toBe(0)
    expect(out).toContain('You said: hi')
    expect(err).toMatch(/^route: ollama · unreachable \(.+\) → mock ✓$/m)
  })

  it('exits 1 when every entry failed, with every attempt printed', async () => {
    const { code, out, err } = await cli([
      'generate',
      '--prompt',
      'hi',
      '--chain',
      'groq,ollama',
      '--json',
    ])
    expect(code).toBe(1)
    expect(err).toMatch(/1\. groq .*skipped: no API key/)
    expect(err).toMatch(/2\. ollama .*unreachable/)
    const { error } = JSON.parse(out) as { error: { code: string; attempts: unknown[] } }
    expect(error.code).toBe('unreachable')
    expect(error.attempts).toHaveLength(2)
  })

  it('refuses a malformed chain as a usage error', async () => {
    const { code, err } = await cli(['generate', '--prompt', 'hi', '--chain', 'groq, bad name'])
    expect(code).toBe(2)
    expect(err).toMatch(/--chain/)
  })

  it('providers --json adds health and budget per provider', async () => {
    const { code, out } = await cli(['providers', '--json'])
    expect(code).toBe(0)
    const { providers } = JSON.parse(out) as {
      providers: { name: string; health: { state: string; budget: unknown }[] }[]
    }
    const ollama = providers.find((p) => p.name === 'ollama')
    expect(ollama?.health[0]).toMatchObject({ state: 'ok', budget: expect.any(Object) })
  })
})
