// Bounded fuzz of every contract method over real HTTP against a real serve-mode server on a temp
// workspace: every answer is a typed 4xx or a success, never a 5xx; the server stays up; nothing
// outside the workspace changes; nothing reaches Object.prototype.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { CHANNELS, isAppErrorCode, methods } from '../../src/shared/contract'
import type { Rng } from './fuzz-inputs'
import { hostileValue, rawBody, seededRng, shapedValue } from './fuzz-inputs'
import { mutateSeed, VALID_INPUTS } from './fuzz-seeds'
import type { RealServe } from './real-serve'
import { REAL_SERVE_TOKEN, startRealServe } from './real-serve'

const SEED = 0x10f022
const PAYLOADS_PER_CHANNEL = 30
/** Stream and pull methods answer at once (progress goes to events); any call still gets a bound. */
const REQUEST_TIMEOUT_MS = 15_000

let real: RealServe

/** Every file under `root` except the workspace, by relative path, with a hash of its bytes. */
async function snapshotOutsideWorkspace(root: string, workspace: string) {
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    if (!entry.isFile() || path.startsWith(workspace)) continue
    files[relative(root, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return files
}

async function call(channel: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${real.server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REAL_SERVE_TOKEN}`, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })
  return { status: response.status, text: await response.text() }
}

/** What is wrong with this answer, or null when it is a success or a typed 4xx. */
function answerProblem(status: number, text: string): string | null {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return `status ${status}, not JSON`
  }
  const result = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (status === 200) return result.ok === true ? null : 'status 200 without ok: true'
  if (status < 400 || status >= 500) return `status ${status}`
  if (result.ok !== false || !isAppErrorCode(result.error?.code)) return `status ${status}, untyped`
  if (result.error.code === 'internal') return `status ${status}, code internal`
  return typeof result.error.message === 'string' ? null : `status ${status}, no message`
}

/** Mostly one-field mutations of a valid input (they reach the handlers), then shaped and raw junk. */
function payload(schema: z.ZodType, seed: unknown, rng: Rng): string {
  const roll = rng()
  if (roll < 0.1) return JSON.stringify(seed)
  if (roll < 0.6) return JSON.stringify(mutateSeed(seed, rng))
  if (roll < 0.8) return JSON.stringify(shapedValue(schema, rng))
  if (roll < 0.9) return JSON.stringify(hostileValue(rng))
  return rawBody(rng)
}

beforeAll(async () => {
  real = await startRealServe()
})
afterAll(() => real.close())

describe('contract fuzz (fixed seed, every method)', () => {
  it('answers each of > 1,000 hostile payloads with a success or a typed 4xx', async () => {
    const rng = seededRng(SEED)
    const before = await snapshotOutsideWorkspace(real.scratch, real.workspace)
    const problems: string[] = []
    const reachedHandler = new Set<string>()
    let sent = 0
    for (const channel of CHANNELS) {
      const schema = methods[channel].input as z.ZodType
      for (let i = 0; i < PAYLOADS_PER_CHANNEL; i++) {
        // The valid input itself first: every handler is reached whatever the random draws are.
        const body =
          i === 0
            ? JSON.stringify(VALID_INPUTS[channel])
            : payload(schema, VALID_INPUTS[channel], rng)
        const answer = await call(channel, body).catch((error: unknown) => error as Error)
        sent++
        if (answer instanceof Error) {
          problems.push(
            `${channel}: no answer (${answer.message}: ${inspect(answer.cause)}) ← ${body.slice(0, 200)}`,
          )
          continue
        }
        const { status, text } = answer
        if (!text.includes('"code":"invalid_input"')) reachedHandler.add(channel)
        const problem = answerProblem(status, text)
        if (problem)
          problems.push(`${channel}: ${problem}: ${text.slice(0, 200)} ← ${body.slice(0, 200)}`)
      }
    }
    expect(sent).toBeGreaterThanOrEqual(1_000)
    // The mutated valid inputs got past validation into every handler, not only the zod check.
    expect(CHANNELS.filter((channel) => !reachedHandler.has(channel))).toEqual([])
    expect(problems).toEqual([])
    expect(real.unexpected).toEqual([])
    // Still up, and still answering properly.
    expect(await call('app:info', '{}')).toMatchObject({ status: 200 })
    expect(await snapshotOutsideWorkspace(real.scratch, real.workspace)).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 120_000)
})
