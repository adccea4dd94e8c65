// Failover's own cost: a chain of [refused port, fake] against a direct call to the fake, minus the refused attempt.
import { createLlmFactory } from '../src/main/services/factory'
import { startFakeOllama } from '../test/fakes/ollama-server'
import { refusedUrl } from '../test/helpers/refused-port'
import { FACTORY_JSON, makeWorkspace } from '../test/helpers/workspace'

export interface FailoverFigure {
  name: string
  value: number
  unit: string
  target: number
}

async function total(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < calls; i++) await fn()
  return performance.now() - start
}

export async function benchFailover(calls = 400, rounds = 8): Promise<FailoverFigure> {
  const fake = await startFakeOllama({ models: ['phi3:mini'] })
  const dead = await refusedUrl()
  const factory = createLlmFactory({
    workspace: makeWorkspace({
      [FACTORY_JSON]: {
        // A circuit would stop sending to the dead entry: the bench wants every attempt real.
        stuck_loop_detection: { circuit_breaker_threshold: 1_000_000_000 },
        custom_providers: {
          dead: { protocol: 'ollama', base_url: dead, default_model: 'phi3:mini' },
        },
        ollama_settings_for_factory: {
          base_url_override: fake.url,
          default_model_override: 'phi3:mini',
        },
      },
    }),
    env: {},
  })
  const direct = await factory.createLlmHandler({ provider: 'ollama' })
  const deadHandler = await factory.createLlmHandler({ provider: 'dead' })
  const chain = ['dead', 'ollama']
  const viaDirect = () => direct.generate('hello bench')
  const viaRefused = () => deadHandler.generate('hello bench').catch(() => undefined)
  const viaChain = () => factory.generateWithFailover('hello bench', { chain })
  const first = await viaChain()
  if (first.provider !== 'ollama' || first.attempts.length !== 1) {
    throw new Error(`the chain did not fail over as expected: ${JSON.stringify(first.attempts)}`)
  }
  for (const fn of [viaDirect, viaRefused, viaChain]) await total(fn, 100) // warm-up
  const per = Math.ceil(calls / rounds)
  const sums = { direct: 0, refused: 0, chain: 0 }
  for (let round = 0; round < rounds; round++) {
    const order =
      round % 2 === 0
        ? (['direct', 'refused', 'chain'] as const)
        : (['chain', 'refused', 'direct'] as const)
    for (const name of order) {
      const fn = name === 'direct' ? viaDirect : name === 'refused' ? viaRefused : viaChain
      sums[name] += await total(fn, per)
    }
  }
  await fake.close()
  const n = per * rounds
  const overhead = (sums.chain - sums.direct - sums.refused) / n
  return {
    name: `failover overhead, chain [refused port, fake] (${n} calls)`,
    value: Math.max(0, overhead),
    unit: `ms per call beyond the failed attempt (${(sums.refused / n).toFixed(3)} ms) and the direct call (${(sums.direct / n).toFixed(3)} ms)`,
    target: 1,
  }
}
