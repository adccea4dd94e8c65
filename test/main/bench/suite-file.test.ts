// Specification of suite files: the schema, YAML and JSON parsing with line:col, form edits keeping text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editSuiteText, validateSuiteText } from '../../../src/main/services/bench'

const ROOT = join(import.meta.dirname, '..', '..', '..')

const yamlSuite = `# A small suite
name: Basics
task_type: code_generation
models:
  - groq/llama-3.1-8b-instant   # the fast one
  - mock/mock-model
cases:
  - prompt: Write hello world in Rust
    checks:
      - type: contains
        value: fn main
`

describe('suite schema and files', () => {
  it('a YAML suite gets defaults for repeats and concurrency', () => {
    const result = validateSuiteText(yamlSuite, 'yaml', 'basics.yaml')
    expect(result).toMatchObject({
      ok: true,
      suite: {
        name: 'Basics',
        repeats: 1,
        concurrency: 4,
        models: ['groq/llama-3.1-8b-instant', 'mock/mock-model'],
      },
    })
  })

  it('schema errors point at the offending value (YAML)', () => {
    const bad = yamlSuite.replace('task_type: code_generation', 'task_type: coding')
    expect(validateSuiteText(bad, 'yaml', 'b.yaml')).toEqual({
      ok: false,
      issue: {
        file: 'b.yaml',
        line: 3,
        column: 12,
        message: expect.stringMatching(/^task_type: Invalid option/),
      },
    })
    const badModel = yamlSuite.replace('mock/mock-model', 'mock-model')
    expect(validateSuiteText(badModel, 'yaml', 'b.yaml')).toMatchObject({
      ok: false,
      issue: {
        line: 6,
        column: 5,
        message: expect.stringContaining('models.1: expected "provider/model"'),
      },
    })
  })

  it('a wrong field inside a check is reported at that check', () => {
    const bad = yamlSuite.replace('value: fn main', 'valu: fn main')
    expect(validateSuiteText(bad, 'yaml', 'b.yaml')).toMatchObject({
      ok: false,
      issue: { line: 10, column: 9, message: expect.stringContaining('cases.0.checks.0') },
    })
  })

  it('YAML syntax errors come with line:col', () => {
    const result = validateSuiteText('name: x\ncases: [\n', 'yaml', 's.yaml')
    expect(result).toMatchObject({
      ok: false,
      issue: { file: 's.yaml', line: 3, message: expect.stringMatching(/^invalid YAML/) },
    })
  })

  it('JSON suites: syntax and schema errors with line:col', () => {
    expect(validateSuiteText('{\n  "name": "x",\n}', 'json', 's.json')).toMatchObject({
      ok: false,
      issue: { line: 2, column: 14, message: 'invalid JSON: trailing comma (not allowed in JSON)' },
    })
    const text =
      '{\n  "name": "x",\n  "task_type": "writing",\n  "models": ["mock/m"],\n  "repeats": 0,\n  "cases": [{"prompt": "p"}]\n}'
    expect(validateSuiteText(text, 'json', 's.json')).toMatchObject({
      ok: false,
      issue: { line: 5, column: 14, message: expect.stringMatching(/^repeats: Too small/) },
    })
  })

  it('the shipped examples are valid suites', () => {
    for (const [file, format] of [
      ['coding-basics.yaml', 'yaml'],
      ['json-extraction.json', 'json'],
    ] as const) {
      const text = readFileSync(join(ROOT, 'config', 'bench', file), 'utf8')
      expect(validateSuiteText(text, format, file)).toMatchObject({ ok: true })
    }
  })

  it('form edits change one value and keep comments (YAML) and formatting (JSON)', () => {
    const edited = editSuiteText(yamlSuite, 'yaml', ['repeats'], 3)
    expect(edited).toContain('# the fast one')
    expect(edited).toContain('repeats: 3')
    expect(validateSuiteText(edited, 'yaml', 'x.yaml')).toMatchObject({
      ok: true,
      suite: { repeats: 3 },
    })
    const json = '{\n  "name": "x",\n  "repeats": 1\n}'
    expect(editSuiteText(json, 'json', ['repeats'], 5)).toBe('{\n  "name": "x",\n  "repeats": 5\n}')
    expect(editSuiteText(json, 'json', ['repeats'], undefined)).toBe('{\n  "name": "x"\n}')
  })
})
