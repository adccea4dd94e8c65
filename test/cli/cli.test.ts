// Specification of the CLI: output shapes, exit codes, and that it runs from `npm run cli`.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { FACTORY_JSON, makeWorkspace } from '../helpers/workspace'

const exec = promisify(execFile)

async function cli(argv: string[], env: Record<string, string> = {}, stdin?: string) {
  let out = ''
  let err = ''
  const code = await runCli(argv, env, '/nonexistent-cwd', {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(stdin),
  })
  return { code, out, err }
}

describe('resolve', () => {
  it('prints exactly one JSON object with masked key and sources', async () => {
    const ws = makeWorkspace({ [FACTORY_JSON]: { default_provider_preference_order: ['groq'] } })
    const { code, out } = await cli(['resolve', '--workspace', ws, '--json'], {
      MINDX_LLM__GROQ__API_KEY: 'gsk_secretsecretsecret9f2a',
    })
    expect(code).toBe(0)
    const answer = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(answer)).toEqual([
      'provider',
      'displayName',
      'protocol',
      'model',
      'apiKey',
      'baseUrl',
      'handler',
      'fallbackReason',
      'sources',
      'chains',
      'skipped',
    ])
    expect(answer).toMatchObject({
      provider: 'groq',
      model: 'llama-3.1-8b-instant',
      apiKey: 'gsk_…9f2a',
      handler: 'GroqHandler',
      fallbackReason: null,
      sources: {
        apiKey: {
          layer: 'global-config',
          key: 'MINDX_LLM__GROQ__API_KEY',
          origin: 'env:MINDX_LLM__GROQ__API_KEY',
        },
      },
    })
    expect(out).not.toContain('secretsecret')
  })

  it('uses $MINDX_WORKSPACE when --workspace is not given', async () => {
    const ws = makeWorkspace({ 'mindx_config.json': { llm: { default_provider: 'gemini' } } })
    const { out } = await cli(['resolve', '--json'], { MINDX_WORKSPACE: ws })
    expect(JSON.parse(out)).toMatchObject({ provider: 'gemini' })
  })

  it('prints a readable table naming where each value came from', async () => {
    const ws = makeWorkspace({})
    const { out } = await cli(['resolve', '--workspace', ws, '--provider', 'ollama'])
    expect(out).toMatch(/^provider +ollama +← argument$/m)
    expect(out).toMatch(/^model +codegemma:7b-it +← cloud-run-preference/m)
    expect(out).toMatch(/^handler +OllamaHandler$/m)
  })

  it('reports an invalid factory json with file:line:col and exit 1', async () => {
    const ws = makeWorkspace({ [FACTORY_JSON]: '{ "default_provider_preference_order": 3 }' })
    const { code, out, err } = await cli(['resolve', '--workspace', ws, '--json'])
    expect(code).toBe(1)
    expect(err).toMatch(/llm_factory_config\.json:1:\d+/)
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'config_invalid', line: 1 } })
  })
})

describe('generate', () => {
  it('prints the answer, or a JSON result with usage and timings', async () => {
    const ws = makeWorkspace({})
    const plain = await cli([
      'generate',
      '--workspace',
      ws,
      '--provider',
      'mock',
      '--prompt',
      'ping',
    ])
    expect(plain.out).toContain('You said: ping')
    const json = await cli([
      'generate',
      '--workspace',
      ws,
      '--provider',
      'mock',
      '--prompt',
      'ping',
      '--json',
    ])
    expect(JSON.parse(json.out)).toMatchObject({
      provider: 'mock',
      model: 'mock-model',
      usage: { completionTokens: expect.any(Number) },
      timings: { totalMs: expect.any(Number) },
    })
  })

  it('reads the prompt from stdin and streams', async () => {
    const ws = makeWorkspace({})
    const { code, out } = await cli(
      ['generate', '--workspace', ws, '--provider', 'mock', '--stream'],
      {},
      'from stdin',
    )
    expect(code).toBe(0)
    expect(out).toContain('You said: from stdin')
  })

  it('answers valid JSON in JSON mode', async () => {
    const ws = makeWorkspace({})
    const { out } = await cli([
      'generate',
      '--workspace',
      ws,
      '--provider',
      'mock',
      '--json-mode',
      '--prompt',
      'x',
    ])
    expect(JSON.parse(out)).toMatchObject({ provider: 'mock', echo: 'x' })
  })

  it('fails with the error object and exit 1', async () => {
    const ws = makeWorkspace({})
    const { code, out, err } = await cli([
      'generate',
      '--workspace',
      ws,
      '--provider',
      'groq',
      '--prompt',
      'x',
      '--json',
    ])
    expect(code).toBe(1)
    expect(err).toMatch(/error \(auth\)/)
    expect(JSON.parse(out)).toEqual({
      error: { code: 'auth', message: expect.stringMatching(/GROQ_API_KEY/), retryAfterMs: null },
    })
  })
})

describe('usage errors exit 2', () => {
  it.each([
    [['generate', '--temperature', 'abc', '--prompt', 'x'], /--temperature/],
    [['resolve', '--provider', 'Not a name!'], /--provider/],
    [
      ['resolve', '--provider', 'zerog'],
      /Unknown provider "zerog"\. This workspace knows: ollama, /,
    ],
    [['resolve', '--nope'], /nope/],
    [['frobnicate'], /command/],
    [[], /No command/],
    [['generate', '--provider', 'mock'], /No prompt/],
  ])('%j', async (argv, message) => {
    const ws = makeWorkspace({})
    const { code, err, out } = await cli([...argv, '--workspace', ws])
    expect(code).toBe(2)
    expect(err).toMatch(message)
    expect(out).toBe('')
  })
})

describe('npm run --silent cli', () => {
  it('works without a build step and prints only the answer on stdout', async () => {
    const ws = makeWorkspace({})
    const { stdout } = await exec(
      'npm',
      ['run', '--silent', 'cli', '--', 'catalog', '--json', '--workspace', ws],
      {
        cwd: process.cwd(),
      },
    )
    const catalog = JSON.parse(stdout) as { entries: unknown[]; pick: { ollama_name: string } }
    expect(catalog.entries).toHaveLength(6)
    expect(catalog.pick.ollama_name).toBe('codegemma:7b-it')
  })
})

describe('warnings', () => {
  it('go to stderr only, so stdout holds just the answer', async () => {
    const ws = makeWorkspace({ 'data/config/zz_broken.json': '{ "a": 1,, }' })
    const { code, out, err } = await cli(['resolve', '--workspace', ws])
    expect(code).toBe(0)
    expect(err).toMatch(/zz_broken\.json:1:\d+/)
    expect(out).not.toContain('zz_broken')
  })
})
