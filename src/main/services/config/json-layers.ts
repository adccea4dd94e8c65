// Deep-merge semantics of mindX's Config over json layers: values at a dotted key, layer by layer.

export type JsonObject = Record<string, unknown>

/** One json file's content as a config layer. */
export interface JsonLayer {
  /** Absolute path of the file the layer came from. */
  file: string
  data: JsonObject
  /**
   * The only key path the layer sets anything under (models/*.yaml: `llm.<stem>`). Lookups
   * elsewhere skip it without touching `data`, so a lazily parsed layer stays unparsed.
   */
  scope?: readonly string[]
}

/** Whether a lookup of `segments` can meet anything `scope` holds (one is a prefix of the other). */
function overlaps(scope: readonly string[] | undefined, segments: readonly string[]): boolean {
  if (scope === undefined) return true
  const shared = Math.min(scope.length, segments.length)
  for (let i = 0; i < shared; i++) if (scope[i] !== segments[i]) return false
  return true
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a layer says about a key path: sets it, says nothing, or cuts it off from lower layers. */
export type LayerAnswer =
  | { kind: 'value'; value: unknown }
  | { kind: 'absent' }
  /** A non-object on the way down: mindX's merge replaced the whole subtree, hiding lower layers. */
  | { kind: 'blocks' }

export function answerAt(data: JsonObject, segments: readonly string[]): LayerAnswer {
  let current: unknown = data
  for (const segment of segments) {
    if (!isJsonObject(current)) return { kind: 'blocks' }
    if (!Object.hasOwn(current, segment)) return { kind: 'absent' }
    current = current[segment]
  }
  return { kind: 'value', value: current }
}

/**
 * Values of a key path from the highest layer down, stopping where a higher layer replaced the
 * subtree (as `_deep_merge` does when a non-object meets an object). Arrays are never indexed:
 * mindX walks only dict keys.
 */
export function valuesAt(
  layersHighestFirst: readonly JsonLayer[],
  segments: readonly string[],
): { file: string; value: unknown }[] {
  const found: { file: string; value: unknown }[] = []
  for (const layer of layersHighestFirst) {
    if (!overlaps(layer.scope, segments)) continue
    const answer = answerAt(layer.data, segments)
    if (answer.kind === 'blocks') break
    if (answer.kind === 'value')
      found.push({ file: layer.file, value: structuredClone(answer.value) })
  }
  return found
}

/** `lower` with `higher` merged over it, recursively for objects; a fresh object, inputs untouched. */
export function deepMerge(lower: JsonObject, higher: JsonObject): JsonObject {
  const result: JsonObject = {}
  for (const source of [lower, higher]) {
    for (const [key, value] of Object.entries(source)) {
      const existing = Object.hasOwn(result, key) ? result[key] : undefined
      const merged =
        isJsonObject(existing) && isJsonObject(value) ? deepMerge(existing, value) : value
      // defineProperty keeps a "__proto__" key an ordinary property.
      Object.defineProperty(result, key, {
        value: merged,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }
  return result
}
