// Fixed-seed generation of hostile contract inputs: wrong types, huge strings, deep nesting,
// unicode, path traversal, prototype-pollution keys; shaped after each method's zod schema.
import type { z } from 'zod'

export type Rng = () => number

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Strings that break naive code: traversal, unicode, control characters, huge, look-alikes. */
export function hostileString(rng: Rng): string {
  const pool = [
    '',
    ' ',
    'mock',
    'groq',
    'ollama',
    'gemini',
    'vllm',
    'phi3:mini',
    'llama3.2:1b',
    'a',
    '0',
    '-1',
    'null',
    'true',
    '{}',
    '{"a":1}',
    '[1,2]',
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '/etc/passwd',
    '../sibling/secrets.json',
    '../llm_factory_config.json',
    '.mindx/secrets.json',
    'data/config/../../../sibling/x.json',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'file:///etc/passwd',
    'http://127.0.0.1:1/',
    'https://127.0.0.1:1/v1?key=AIzaSECRET',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    'secret:groq',
    'env:HOME',
    '__proto__',
    'constructor',
    'prototype',
    'héllo wörld ✓ 日本語 🎉👩‍👩‍👧',
    '\u202eevil\u202c',
    '\u0000nul\u0000',
    '\ud800lone surrogate',
    'line\r\nInjected: header',
    'tab\tand\nnewline',
    'x'.repeat(4097),
    'y'.repeat(70_000),
  ]
  const base = pick(rng, pool)
  if (base === '' || rng() >= 0.02) return base
  // Sometimes huge: up to just over serve mode's 16 MiB body limit.
  return base.repeat(1 + Math.floor(rng() * Math.min(2000, 17_000_000 / base.length)))
}

function deepValue(rng: Rng): unknown {
  const depth = pick(rng, [10, 63, 70, 200, 3000])
  let value: unknown = hostileLeaf(rng)
  for (let i = 0; i < depth; i++) value = rng() < 0.5 ? [value] : { a: value }
  return value
}

/** Any JSON value, leaning towards the nasty ones. */
export function hostileLeaf(rng: Rng): unknown {
  const r = rng()
  if (r < 0.45) return hostileString(rng)
  return pick(rng, [
    0,
    -1,
    1.5,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    null,
    [],
    {},
    [hostileString(rng)],
    { [pick(rng, POLLUTION_KEYS)]: { polluted: true } },
  ])
}

/** Any value, sometimes deeply nested. */
export function hostileValue(rng: Rng): unknown {
  return rng() < 0.1 ? deepValue(rng) : hostileLeaf(rng)
}

type AnySchema = z.ZodType & { def?: Record<string, unknown>; shape?: Record<string, AnySchema> }

/** The schema under optional/nullable/default/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema
  for (let i = 0; i < 10; i++) {
    const def = current.def ?? {}
    const inner = (def.innerType ?? def.in) as AnySchema | undefined
    if (!inner) return current
    current = inner
  }
  return current
}

/** A value shaped like `schema` (its keys, enum options, arrays), with hostile leaves. */
export function shapedValue(schema: z.ZodType, rng: Rng, depth = 0): unknown {
  const core = unwrap(schema as unknown as AnySchema)
  if (depth > 6 || rng() < 0.15) return hostileValue(rng)
  const def = core.def ?? {}
  if (core.shape) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(core.shape)) {
      if (rng() < 0.85) out[key] = shapedValue(child, rng, depth + 1)
    }
    if (rng() < 0.1) out[pick(rng, [...POLLUTION_KEYS, 'extra'])] = { polluted: true }
    return out
  }
  if (def.type === 'array' && def.element) {
    const count = pick(rng, [0, 1, 2, 3, 60])
    return Array.from({ length: count }, () =>
      shapedValue(def.element as z.ZodType, rng, depth + 1),
    )
  }
  if (def.type === 'enum' && def.entries) {
    const options = Object.values(def.entries as Record<string, string>)
    return rng() < 0.8 ? pick(rng, options) : hostileString(rng)
  }
  if (def.type === 'record') return { [hostileString(rng)]: hostileString(rng) }
  if (def.type === 'number') return pick(rng, [0, 1, 0.5, 2, 1e9, -3, 42])
  if (def.type === 'boolean') return rng() < 0.8 ? rng() < 0.5 : hostileLeaf(rng)
  return hostileValue(rng)
}

/** Bodies that are not the JSON a client would send at all. */
export function rawBody(rng: Rng): string {
  return pick(rng, [
    '{',
    'null',
    '"just a string"',
    '[]',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '\u0000\u0001\u0002',
    '{"a": 1, "a": 2}',
    `{"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    `{"text": "${'\\u0000'.repeat(1000)}"}`,
    '{"text": "\\ud800"}',
  ])
}
