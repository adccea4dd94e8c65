// Failover's own cost: a chain of [refused port, fake] against a direct call to the fake, minus the refused attempt.
import { createLlmFactory } from '../src/main/services/factory'
import { refusedUrl } from '../test/helpers/refused-port'
import { FACTORY_JSON, makeWorkspace } from '../test/helpers/workspace'
import { startCheapFake } from './cheap-fake'
import type { Figure } from './interleave'
import { interleavedRounds, median } from './interleave'

export async function benchFailover(calls = 40, rounds = 12): Promise<Figure> {
  const fake = await startCheapFake()
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
  const arms = { direct: viaDirect, refused: viaRefused, chain: viaChain }
  await interleavedRounds(arms, 3, 30) // warm-up: JIT, sockets
  const { wall, cpu } = await interleavedRounds(arms, rounds, calls)
  await fake.close()
  // Per round: what the chain cost beyond its two parts, each measured on its own in that round.
  const beyond = (t: typeof cpu) => t.chain.map((c, i) => c - t.direct[i]! - t.refused[i]!)
  const fmt = (ms: number) => ms.toFixed(3)
  return {
    name: `failover overhead, chain [refused port, fake] (${rounds}×${calls} calls)`,
    value: median(beyond(cpu)),
    unit:
      `CPU ms per call beyond the failed attempt (${fmt(median(cpu.refused))} ms) and the direct ` +
      `call (${fmt(median(cpu.direct))} ms); wall-clock ${fmt(median(beyond(wall)))} ms`,
    target: 1,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await benchFailover()
  console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit} — target ≤ ${f.target}`)
}
