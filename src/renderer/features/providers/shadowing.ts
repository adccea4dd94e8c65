// Which higher layer still wins over a value written to a lower one (from the field's provenance chain).
import type { ProvenanceStep } from '../../../shared/llm'
import { CONFIG_LAYERS } from '../../../shared/llm'
import type { WriteLayer } from '../../../shared/studio-config'

/** The step that would still supply the value after writing to `layer`, or null when the write wins. */
export function shadowingStep(
  chain: readonly ProvenanceStep[],
  layer: WriteLayer,
): ProvenanceStep | null {
  const winner = chain.find((step) => step.status === 'won')
  if (!winner || winner.layer === layer) return null
  const firstOfLayer = chain.findIndex((step) => step.layer === layer)
  const winnerAt = chain.indexOf(winner)
  if (firstOfLayer >= 0) return winnerAt < firstOfLayer ? winner : null
  // The chain did not consult that layer: fall back to the layers' precedence.
  return CONFIG_LAYERS.indexOf(winner.layer) < CONFIG_LAYERS.indexOf(layer) ? winner : null
}
