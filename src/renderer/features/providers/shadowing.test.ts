// Pins when a write to a lower layer is reported as shadowed, and by which step.
import { describe, expect, it } from 'vitest'
import type { ProvenanceStep } from '../../../shared/llm'
import { shadowingStep } from './shadowing'

const step = (
  layer: ProvenanceStep['layer'],
  key: string,
  status: ProvenanceStep['status'],
): ProvenanceStep => ({ layer, key, origin: `/ws/${layer}.json`, status })

describe('shadowingStep', () => {
  const chain = [
    step('factory-config', 'default_model_override', 'won'),
    step('global-config', 'llm.groq.default_model', 'shadowed'),
    step('default', 'model', 'shadowed'),
  ]

  it('names the factory-config step when writing to global config', () => {
    expect(shadowingStep(chain, 'global-config')?.key).toBe('default_model_override')
  })

  it('is null when writing to the layer that already wins', () => {
    expect(shadowingStep(chain, 'factory-config')).toBeNull()
  })

  it('is null when the written layer is above the winner', () => {
    const lower = [step('factory-config', 'x', 'absent'), step('default', 'model', 'won')]
    expect(shadowingStep(lower, 'factory-config')).toBeNull()
  })

  it('uses layer precedence when the chain did not consult the written layer', () => {
    const onlyFactory = [step('factory-config', 'x', 'won'), step('default', 'model', 'shadowed')]
    expect(shadowingStep(onlyFactory, 'global-config')?.key).toBe('x')
  })
})
