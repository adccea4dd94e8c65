// Specification of `cli bench`: --json and --csv on stdout, progress on stderr, exit 1 only for a bad suite.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/index'
import { makeWorkspace } from '../helpers/workspace'

const ROOT = join(import.meta.dirname, '..', '..')
const SUITE = join(ROOT, 'config', 'bench', 'coding-basics.yaml')

async function cli(argv: string[]) {
  let out = ''
  let err = ''
  const code = await runCli(argv, {}, ROOT, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readStdin: () => Promise.resolve(undefined),
  })
  return { code, out, err }
}

describe('cli bench', () => {
  it('--json: one object with per-call rows and per-model summaries; progress on stderr', async () => {
    const ws = makeWorkspace({})
    const { code, out, err } = await cli([
      'bench',
      '--workspace',
      ws,
      '--suite',
      SUITE,
      '--models',
      'mock/mock-model,mock/mock-json',
      '--repeat',
      '3',
      '--concurrency',
      '2',
      '--json',
    ])
    expect(code).toBe(0)
    const report = JSON.parse(out) as {
      suite: { name: string }
      calls: { model: string; pass: boolean }[]
      summaries: { model: string; calls: number; passRate: number }[]
    }
    expect(report.suite.name).toBe('Coding basics')
    expect(report.calls).toHaveLength(4 * 2 * 3)
    expect(report.summaries.map((s) => [s.model, s.calls])).toEqual([
      ['mock/mock-model', 12],
      ['mock/mock-json', 12],
    ])
    expect(err).toContain('24 calls (4 cases × 2 models × 3 repeats), 2 at a time')
    expect(err).toContain('[24/24]')
  })

  it('--csv: a header and one row per call; failed calls are results (exit 0)', async () => {
    const ws = makeWorkspace({})
    const { code, out } = await cli([
      'bench',
      '--workspace',
      ws,
      '--suite',
      SUITE,
      '--repeat',
      '1',
      '--csv',
    ])
    expect(code).toBe(0)
    const lines = out.trim().split('\n')
    expect(lines[0]).toBe(
      'model,case,repeat,first_token_ms,total_ms,tokens_per_second,prompt_tokens,completion_tokens,pass,json_valid,error_code,checks_passed,checks_failed',
    )
    expect(lines).toHaveLength(1 + 8)
    // No key in this workspace: Groq's calls fail with auth, and that is a result, not a crash.
    expect(lines.filter((l) => l.startsWith('groq/') && l.includes(',auth,'))).toHaveLength(4)
  })

  it('an invalid suite exits 1 with file:line:col on stderr and nothing on stdout', async () => {
    const ws = makeWorkspace({})
    const bad = join(ws, 'bad.yaml')
    writeFileSync(
      bad,
      'name: x\ntask_type: writing\nmodels: [mock/m]\nrepeats: -1\ncases: [{prompt: p}]\n',
    )
    const { code, out, err } = await cli(['bench', '--workspace', ws, '--suite', bad])
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:4:10: repeats: Too small`))
  })

  it('usage errors: no --suite, or both --json and --csv', async () => {
    expect((await cli(['bench'])).code).toBe(2)
    expect((await cli(['bench', '--suite', SUITE, '--json', '--csv'])).code).toBe(2)
  })
})
