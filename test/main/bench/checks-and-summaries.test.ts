// Specification of each check type and of the per-model summaries (median, p90, spread, rates).
import { describe, expect, it } from 'vitest'
import type { BenchCall } from '../../../src/shared/bench'
import { checkSchema } from '../../../src/shared/bench'
import { metricStats, runCheck, summarizeRun } from '../../../src/main/services/bench'

const check = (raw: unknown) => checkSchema.parse(raw)

describe('checks', () => {
  it('contains: case-sensitive unless ignore_case', () => {
    expect(runCheck(check({ type: 'contains', value: 'fn main' }), 'fn main() {}').pass).toBe(true)
    expect(runCheck(check({ type: 'contains', value: 'FN' }), 'fn main').pass).toBe(false)
    const loose = check({ type: 'contains', value: 'FN', ignore_case: true })
    expect(runCheck(loose, 'fn main')).toEqual({
      type: 'contains',
      label: 'contains "FN"',
      pass: true,
    })
  })

  it('regex: with flags', () => {
    expect(runCheck(check({ type: 'regex', pattern: '^def \\w+' }), 'def add(a, b):').pass).toBe(
      true,
    )
    expect(runCheck(check({ type: 'regex', pattern: '^DEF', flags: 'i' }), 'def x').pass).toBe(true)
    expect(runCheck(check({ type: 'regex', pattern: '^x$' }), 'xy')).toMatchObject({
      pass: false,
      label: 'matches /^x$/',
    })
  })

  it('regex: an invalid pattern is a schema error, not a failing call', () => {
    const result = checkSchema.safeParse({ type: 'regex', pattern: '(' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/not a valid regex/)
  })

  it('equals: whole answer, surrounding whitespace ignored', () => {
    expect(runCheck(check({ type: 'equals', value: '42' }), '  42\n').pass).toBe(true)
    expect(runCheck(check({ type: 'equals', value: '42' }), 'The answer is 42').pass).toBe(false)
  })

  it('valid_json: says why not', () => {
    expect(runCheck(check({ type: 'valid_json' }), '{"a": [1, 2]}').pass).toBe(true)
    const bad = runCheck(check({ type: 'valid_json' }), '{"a": ')
    expect(bad.pass).toBe(false)
    expect(bad.detail).toBeTruthy()
  })

  it('json_schema: types, required fields and bounds, with the failing path', () => {
    const schema = check({
      type: 'json_schema',
      schema: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
        required: ['name', 'age'],
      },
    })
    expect(runCheck(schema, '{"name": "Ada", "age": 36}').pass).toBe(true)
    expect(runCheck(schema, '{"name": "Ada", "age": -1}')).toMatchObject({
      pass: false,
      detail: expect.stringMatching(/^age: /),
    })
    expect(runCheck(schema, '{"age": 3}').pass).toBe(false)
    expect(runCheck(schema, 'not json').pass).toBe(false)
  })

  it('json_schema: an unusable schema fails the check with the reason', () => {
    const result = runCheck(check({ type: 'json_schema', schema: { type: 'wat' } }), '{}')
    expect(result).toMatchObject({ pass: false, detail: expect.stringMatching(/unusable schema/) })
  })
})

function call(model: string, over: Partial<BenchCall>): BenchCall {
  return {
    caseIndex: 0,
    caseId: 'c',
    model,
    repeat: 1,
    firstTokenMs: 10,
    totalMs: 100,
    tokensPerSecond: 50,
    promptTokens: 1,
    completionTokens: 5,
    error: null,
    checks: [],
    pass: true,
    jsonValid: null,
    text: '',
    ...over,
  }
}

describe('summaries', () => {
  it('median and p90 interpolate between ranks; the spread is min–max', () => {
    expect(metricStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      median: 5.5,
      p90: 9.1,
      min: 1,
      max: 10,
    })
    expect(metricStats([null, 7])).toEqual({ median: 7, p90: 7, min: 7, max: 7 })
    expect(metricStats([null])).toBeNull()
  })

  it('per model: rates over all calls, timings over answered calls only, suite order kept', () => {
    const calls = [
      call('groq/a', { totalMs: 100, firstTokenMs: 10 }),
      call('groq/a', { totalMs: 300, firstTokenMs: 30, pass: false, jsonValid: false }),
      call('groq/a', {
        totalMs: 9999,
        firstTokenMs: null,
        pass: false,
        error: { code: 'timeout', message: 't' },
      }),
      call('groq/a', { totalMs: 200, firstTokenMs: 20, jsonValid: true }),
      call('mock/m', { totalMs: 5 }),
    ]
    const [a, m, empty] = summarizeRun(['groq/a', 'mock/m', 'gemini/none'], calls)
    expect(a).toMatchObject({
      model: 'groq/a',
      calls: 4,
      totalMs: { median: 200, min: 100, max: 300 },
      firstTokenMs: { median: 20 },
      passRate: 0.5,
      jsonValidRate: 0.5,
      errorRate: 0.25,
    })
    expect(m).toMatchObject({ calls: 1, passRate: 1, jsonValidRate: null, errorRate: 0 })
    expect(empty).toMatchObject({ calls: 0, passRate: 0, totalMs: null })
  })
})
