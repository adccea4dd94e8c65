// Specification of the bench runner: concurrency bound, cancel closing open calls, per-call metrics.
import { describe, expect, it } from 'vitest'
import type { BenchSuite } from '../../../src/shared/bench'
import { suiteSchema } from '../../../src/shared/bench'
import type { GenerateOptions, StreamEvent } from '../../../src/shared/llm'
import { LlmError } from '../../../src/shared/llm'
import type { BenchStreamer } from '../../../src/main/services/bench'
import { runBench } from '../../../src/main/services/bench'

function suite(overrides: Partial<BenchSuite> = {}): BenchSuite {
  return suiteSchema.parse({
    name: 'spec',
    task_type: 'code_generation',
    models: ['mock/a', 'mock/b'],
    cases: [{ prompt: 'say hi', checks: [{ type: 'contains', value: 'hi' }] }],
    ...overrides,
  })
}

/** A handler that answers `reply`, waiting on `gate` before it starts, and records what it saw. */
function streamer(reply: (prompt: string) => string, gate?: () => Promise<void>) {
  const seen: GenerateOptions[] = []
  let open = 0
  let maxOpen = 0
  const handler: BenchStreamer = {
    async *streamText(prompt, options = {}): AsyncIterable<StreamEvent> {
      seen.push(options)
      open++
      maxOpen = Math.max(maxOpen, open)
      try {
        await gate?.()
        if (options.signal?.aborted) throw new LlmError({ code: 'aborted', message: 'Stopped.' })
        const text = reply(prompt)
        yield { type: 'delta', text }
        yield {
          type: 'done',
          text,
          usage: { promptTokens: 3, completionTokens: 7 },
          timings: { firstTokenMs: 12, totalMs: 40, tokensPerSecond: 250 },
          provider: 'mock',
          model: options.model ?? 'x',
        }
      } finally {
        open--
      }
    },
  }
  return { handler, seen, maxOpen: () => maxOpen }
}

const targetsOf = (s: BenchSuite, handler: BenchStreamer) =>
  s.models.map((model) => ({ model, modelName: model.split('/')[1]!, handler }))

describe('runBench', () => {
  it('makes cases × models × repeats calls with the case settings, and records metrics', async () => {
    const s = suite({
      repeats: 2,
      temperature: 0.3,
      cases: [
        { id: 'hello', prompt: 'say hi', system: 'be brief', max_tokens: 5, checks: [] },
        { prompt: 'json please', json_mode: true, checks: [{ type: 'valid_json' }] },
      ],
    })
    const fake = streamer((p) => (p === 'json please' ? '{"a":1}' : 'hi there'))
    const { calls, cancelled } = await runBench({ suite: s, targets: targetsOf(s, fake.handler) })
    expect(cancelled).toBe(false)
    expect(calls).toHaveLength(2 * 2 * 2)
    expect(fake.seen[0]).toMatchObject({
      model: 'a',
      system: 'be brief',
      maxTokens: 5,
      temperature: 0.3,
    })
    expect(fake.seen.find((o) => o.jsonMode)).toMatchObject({ jsonMode: true })
    const first = calls.find((c) => c.caseId === 'hello' && c.model === 'mock/a' && c.repeat === 1)
    expect(first).toMatchObject({
      firstTokenMs: 12,
      totalMs: 40,
      tokensPerSecond: 250,
      promptTokens: 3,
      completionTokens: 7,
      error: null,
      pass: true,
      jsonValid: null,
      text: 'hi there',
    })
    expect(calls.find((c) => c.caseId === 'case-2')).toMatchObject({ jsonValid: true, pass: true })
  })

  it('never has more calls open than the concurrency', async () => {
    const s = suite({ concurrency: 3, repeats: 5 })
    const fake = streamer(
      () => 'hi',
      () => new Promise((resolve) => setTimeout(resolve, 2)),
    )
    const { calls } = await runBench({ suite: s, targets: targetsOf(s, fake.handler) })
    expect(calls).toHaveLength(10)
    expect(fake.maxOpen()).toBe(3)
  })

  it('records a failed call with its error code and counts it as not passing', async () => {
    const s = suite({ models: ['groq/x'] })
    const handler: BenchStreamer = {
      // eslint-disable-next-line require-yield -- fails before its first delta, as a 429 does
      async *streamText() {
        await Promise.resolve()
        throw new LlmError({ code: 'rate_limit', message: 'Too many requests.' })
      },
    }
    const { calls } = await runBench({ suite: s, targets: targetsOf(s, handler) })
    expect(calls[0]).toMatchObject({
      error: { code: 'rate_limit', message: 'Too many requests.' },
      pass: false,
      firstTokenMs: null,
      tokensPerSecond: null,
    })
    expect(calls[0]!.checks[0]).toMatchObject({ pass: false })
  })

  it('checks the text an invalid_json error carries', async () => {
    const s = suite({
      models: ['groq/x'],
      cases: [{ prompt: 'p', json_mode: true, checks: [{ type: 'contains', value: 'name' }] }],
    })
    const handler: BenchStreamer = {
      // eslint-disable-next-line require-yield -- the factory rejects after the stream ends
      async *streamText() {
        await Promise.resolve()
        throw new LlmError({ code: 'invalid_json', message: 'not JSON', text: '{"name": ' })
      },
    }
    const { calls } = await runBench({ suite: s, targets: targetsOf(s, handler) })
    expect(calls[0]).toMatchObject({
      error: { code: 'invalid_json' },
      jsonValid: false,
      text: '{"name": ',
      checks: [{ pass: true }],
      pass: false,
    })
  })

  it('cancel aborts the open calls, starts no new ones and records none of the aborted', async () => {
    const s = suite({ concurrency: 2, repeats: 10 })
    const controller = new AbortController()
    const signals: AbortSignal[] = []
    let started = 0
    const handler: BenchStreamer = {
      async *streamText(_prompt, options = {}) {
        started++
        signals.push(options.signal!)
        if (started > 2) {
          // The third call is where the person presses Cancel; open calls must be closed.
          if (started === 3) setTimeout(() => controller.abort(), 1)
          await new Promise<void>((_resolve, reject) =>
            options.signal!.addEventListener('abort', () =>
              reject(new LlmError({ code: 'aborted', message: 'Stopped.' })),
            ),
          )
        }
        yield { type: 'delta', text: 'hi' }
      },
    }
    const { calls, cancelled } = await runBench({
      suite: s,
      targets: targetsOf(s, handler),
      signal: controller.signal,
    })
    expect(cancelled).toBe(true)
    expect(started).toBe(4)
    expect(signals.every((signal) => signal === controller.signal)).toBe(true)
    expect(calls).toHaveLength(2)
    expect(calls.every((c) => c.error === null)).toBe(true)
  })
})
