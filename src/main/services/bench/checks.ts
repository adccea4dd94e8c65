// A case's checks against one answer: contains, regex, equals, valid JSON, JSON matching a schema.
import { z } from 'zod'
import type { BenchCase, BenchCheck, CheckResult } from '../../../shared/bench'

const MAX_LABEL = 60

function quote(text: string): string {
  const one = text.replace(/\s+/g, ' ')
  return JSON.stringify(one.length > MAX_LABEL ? `${one.slice(0, MAX_LABEL)}…` : one)
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

// Suites are few and their schemas small; compiling each once per process keeps calls cheap.
const compiledSchemas = new WeakMap<object, z.ZodType | Error>()

function schemaFor(check: Extract<BenchCheck, { type: 'json_schema' }>): z.ZodType | Error {
  let compiled = compiledSchemas.get(check.schema)
  if (compiled === undefined) {
    try {
      compiled = z.fromJSONSchema(check.schema)
    } catch (error) {
      compiled = error instanceof Error ? error : new Error(String(error))
    }
    compiledSchemas.set(check.schema, compiled)
  }
  return compiled
}

export function runCheck(check: BenchCheck, text: string): CheckResult {
  switch (check.type) {
    case 'contains': {
      const pass = check.ignore_case
        ? text.toLowerCase().includes(check.value.toLowerCase())
        : text.includes(check.value)
      return { type: check.type, label: `contains ${quote(check.value)}`, pass }
    }
    case 'regex': {
      const pass = new RegExp(check.pattern, check.flags).test(text)
      return { type: check.type, label: `matches /${check.pattern}/${check.flags ?? ''}`, pass }
    }
    case 'equals': {
      const pass = text.trim() === check.value.trim()
      return { type: check.type, label: `equals ${quote(check.value)}`, pass }
    }
    case 'valid_json': {
      const parsed = parseJson(text)
      return parsed.ok
        ? { type: check.type, label: 'valid JSON', pass: true }
        : { type: check.type, label: 'valid JSON', pass: false, detail: parsed.message }
    }
    case 'json_schema':
      return schemaCheck(check, text)
  }
}

function schemaCheck(
  check: Extract<BenchCheck, { type: 'json_schema' }>,
  text: string,
): CheckResult {
  const label = 'JSON matches the schema'
  const schema = schemaFor(check)
  if (schema instanceof Error) {
    return { type: check.type, label, pass: false, detail: `unusable schema: ${schema.message}` }
  }
  const parsed = parseJson(text)
  if (!parsed.ok) return { type: check.type, label, pass: false, detail: parsed.message }
  const result = schema.safeParse(parsed.value)
  if (result.success) return { type: check.type, label, pass: true }
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''
  return { type: check.type, label, pass: false, detail: `${where}${issue?.message ?? 'no match'}` }
}

/** Every check of the case, and whether the answer is JSON when the case cares about JSON. */
export function checkAnswer(
  benchCase: BenchCase,
  text: string,
): { checks: CheckResult[]; jsonValid: boolean | null } {
  const checks = benchCase.checks.map((check) => runCheck(check, text))
  const caresAboutJson =
    benchCase.json_mode === true ||
    benchCase.checks.some((c) => c.type === 'valid_json' || c.type === 'json_schema')
  return { checks, jsonValid: caresAboutJson ? parseJson(text).ok : null }
}
