// Budgets, cooldowns and circuits: what a call meets at the gate, on an injected clock, against the fakes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createLlmFactory, ResilienceRegistry } from '../../../src/main/services/factory'
import { readRateLimits } from '../../../src/main/services/resilience'
import { loadWorkspaceConfig } from '../../../src/main/services/config'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import type { FakeGroq } from '../../fakes/groq-server'
import { llmErrorOf } from '../../helpers/provider-calls'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

let groq: FakeGroq

beforeAll(async () => {
  groq = await startFakeGroq()
})
afterAll(() => groq.close())
beforeEach(() => groq.reset())

/** A groq factory on a clock that only moves when a sleep (or the test) moves it. */
function setup(factoryJson: object = {}) {
  const clock = { at: Date.parse('2026-01-01T12:00:00Z'), now: () => clock.at }
  const registry = new ResilienceRegistry(clock)
  const sleeps: number[] = []
  const factory = createLlmFactory({
    workspace: makeWorkspace({
      [FACTORY_JSON]: {
        groq_settings_for_factory: { base_url_override: groq.openaiUrl },
        ...factoryJson,
      },
    }),
    env: { GROQ_API_KEY: DEFAULT_GROQ_KEY },
    resilience: registry,
    policy: {
      maxRetries: 0,
      sleep: (ms) => {
        sleeps.push(ms)
        clock.at += ms
        return Promise.resolve()
      },
    },
  })
  const health = async () => (await factory.health()).find((h) => h.provider === 'groq')!
  return { clock, factory, sleeps, health }
}

const chats = () => groq.requestsTo('/openai/v1/chat/completions').length

describe('circuit breaker', () => {
  it('opens after 3 failures and half-opens after its cooldown', async () => {
    const { clock, factory, health } = setup()
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    groq.fail({ status: 500, times: 3 })
    for (let i = 0; i < 3; i++) await llmErrorOf(handler.generate('hi'))
    expect(await health()).toMatchObject({ state: 'circuit_open', consecutiveFailures: 3 })

    const refused = await llmErrorOf(handler.generate('hi'))
    expect(refused.message).toMatch(/circuit is open until 12:00:30/)
    expect(chats()).toBe(3)

    clock.at += 30_000
    expect((await health()).state).toBe('half_open')
    expect(await handler.generateText('trial')).toBe('trial')
    expect(chats()).toBe(4)
    expect(await health()).toMatchObject({ state: 'ok', consecutiveFailures: 0 })
  })

  it('re-opens when the trial call fails too', async () => {
    const { clock, factory, health } = setup({
      stuck_loop_detection: { circuit_breaker_threshold: 2 },
    })
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    groq.fail({ status: 503, times: 3 })
    await llmErrorOf(handler.generate('a'))
    await llmErrorOf(handler.generate('b'))
    expect((await health()).state).toBe('circuit_open')
    clock.at += 30_000
    await llmErrorOf(handler.generate('trial'))
    expect((await health()).state).toBe('circuit_open')
    expect(chats()).toBe(3)
  })

  it('a Reset closes it at once', async () => {
    const { factory, health } = setup()
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    groq.fail({ status: 500, times: 3 })
    for (let i = 0; i < 3; i++) await llmErrorOf(handler.generate('hi'))
    expect(factory.resetHealth({ provider: 'groq' })).toBe(1)
    expect((await health()).state).toBe('ok')
    expect(await handler.generateText('again')).toBe('again')
  })

  it('does not count bad requests against the provider', async () => {
    const { factory, health } = setup()
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    groq.fail({ status: 400, times: 3 })
    for (let i = 0; i < 3; i++) await llmErrorOf(handler.generate('hi'))
    expect(await health()).toMatchObject({ state: 'ok', consecutiveFailures: 0 })
    expect((await health()).lastError).toMatchObject({ code: 'bad_request' })
  })
})

describe('cooldown after 429', () => {
  it('waits out the retry-after before the next single call, and says how long it queued', async () => {
    const { factory, sleeps, health } = setup()
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    groq.rateLimit({ retryAfterSeconds: 4 })
    await llmErrorOf(handler.generate('hi'))
    expect(await health()).toMatchObject({ state: 'cooldown', until: '2026-01-01T12:00:04.000Z' })
    const result = await handler.generate('later')
    expect(sleeps).toEqual([4000])
    expect(result.timings.queuedMs).toBe(4000)
    expect(chats()).toBe(2)
  })
})

describe('budgets for single calls', () => {
  it('waits for the slot when it is near, fails with rate_limit when it is not', async () => {
    const { clock, factory, sleeps, health } = setup({ rate_limit_profiles: { groq: { rpm: 1 } } })
    const handler = await factory.createLlmHandler({ provider: 'groq' })
    await handler.generate('one')
    clock.at += 50_000
    const second = await handler.generate('two')
    expect(sleeps).toEqual([10_000])
    expect(second.timings.queuedMs).toBe(10_000)
    const far = await llmErrorOf(handler.generate('three', { maxQueueWaitMs: 5_000 }))
    expect(far).toMatchObject({ code: 'rate_limit', retryAfterMs: 60_000 })
    expect(chats()).toBe(2)
    expect((await health()).budget.minute).toEqual({ used: 1, limit: 1 })
  })
})

describe('limits from mindX config files', () => {
  it('takes the tightest of rate_limit_profiles, provider_registry.json and models yaml', async () => {
    const root = makeWorkspace({
      [FACTORY_JSON]: {
        rate_limit_profiles: { default_rpm: 60, default_rph: 100, groq: { rpm: 30, rph: 14400 } },
      },
      'data/config/provider_registry.json': {
        groq: {
          default_rate_limit_rpm: 30,
          safety_margin_rpm: 1,
          default_rate_limit_tpm: 12000,
          daily_request_cap: 14400,
        },
      },
      'data/config/zz_models.json': { llm: { gemini: { rate_limits: { requests_per_day: 500 } } } },
    })
    const ws = await loadWorkspaceConfig({ root, env: {} })
    const groqLimits = readRateLimits(ws, 'groq')
    expect(groqLimits.limits).toEqual({ rpm: 29, rph: 14400, rpd: 14400, tpm: 12000 })
    expect(groqLimits.sources[0]).toMatch(
      /^rpm 29 ← provider_registry\.json: groq\.default_rate_limit_rpm 30 − safety_margin_rpm 1$/,
    )
    expect(readRateLimits(ws, 'gemini').limits).toEqual({ rpm: 60, rph: 100, rpd: 500 })
    expect(readRateLimits(ws, 'mock').limits).toEqual({})
  })
})
