// One valid input per contract method (typed against the contract, so a new method needs one here):
// the fuzz mutates these one field at a time to get past validation into the handlers.
import type { Channel, MethodInput } from '../../src/shared/contract'
import type { Rng } from './fuzz-inputs'
import { hostileValue, POLLUTION_KEYS } from './fuzz-inputs'

const settings = { provider: 'mock', model: 'mock-model' } as const
const now = '2026-01-01T00:00:00.000Z'

export const VALID_INPUTS: { [C in Channel]: MethodInput<C> } = {
  'app:info': {},
  'factory:resolve': { provider: 'groq', model: 'm' },
  'ollama:status': {},
  'ollama:pull': { name: 'qwen2.5:0.5b' },
  'ollama:cancelPull': { id: 'nope' },
  'ollama:pulls': {},
  'ollama:clearPulls': {},
  'ollama:list': {},
  'ollama:show': { name: 'phi3:mini' },
  'ollama:ps': {},
  'ollama:delete': { name: 'no-such-model:1b' },
  'ollama:unload': { name: 'phi3:mini' },
  'ollama:hosts': {},
  'ollama:saveHosts': { hosts: [{ url: 'http://127.0.0.1:1', label: 'x' }] },
  'ollama:pullSuggestions': {},
  'chat:models': { provider: 'mock' },
  'chat:send': { streamId: 'fuzz-stream', settings, prompt: 'hi', history: [] },
  'chat:stop': { streamId: 'fuzz-stream' },
  'chat:list': {},
  'chat:load': { id: 'fuzz-conv' },
  'chat:save': {
    conversation: {
      id: 'fuzz-conv',
      title: 't',
      createdAt: now,
      updatedAt: now,
      settings,
      turns: [{ id: 'u1', role: 'user', content: 'hi', createdAt: now }],
    },
  },
  'chat:delete': { id: 'fuzz-conv' },
  'chat:export': { id: 'fuzz-conv', format: 'markdown' },
  'config:read': {},
  'config:validate': { text: '{}' },
  'config:save': { text: '{"default_provider_preference_order": ["mock", "groq"]}' },
  'config:applyEdit': { text: '{"a": 1}', path: ['a'], value: 2 },
  'config:sources': {},
  'config:openInEditor': { path: 'data/config/llm_factory_config.json' },
  'providers:list': {},
  'providers:registry': {},
  'providers:update': { provider: 'ollama', model: 'phi3:mini' },
  'providers:addCustom': {
    name: 'fuzz-endpoint',
    protocol: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:1/v1',
  },
  'providers:removeCustom': { name: 'fuzz-endpoint' },
  'providers:setOrder': { order: ['mock', 'groq'] },
  'providers:test': { provider: 'mock' },
  'catalog:list': {},
  'catalog:saveEntry': {
    tier: 'good_fit',
    entry: { id: 'fuzz', ollama_name: 'fuzz:1b', type: 'general', est_memory_needed_gb: 1 },
  },
  'catalog:removeEntry': { id: 'fuzz' },
  'catalog:setOrder': { order: 'coding', ids: ['fuzz'] },
  'catalog:makeDefault': { ollamaName: null },
}

type Json = Record<string, unknown> | unknown[]
const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null

/** Every container inside `value` (itself included), to pick a place to mutate. */
function containers(value: unknown, out: Json[] = []): Json[] {
  if (!isContainer(value)) return out
  out.push(value)
  for (const child of Object.values(value)) containers(child, out)
  return out
}

/** A copy of `seed` with one place changed: a value replaced, a key removed, or a key added. */
export function mutateSeed(seed: unknown, rng: Rng): unknown {
  const copy = structuredClone(seed)
  const places = containers(copy)
  const place = places[Math.floor(rng() * places.length)]
  if (!place) return hostileValue(rng)
  const keys = Object.keys(place)
  const roll = rng()
  if (keys.length === 0 || roll < 0.1) {
    const key = roll < 0.05 ? POLLUTION_KEYS[Math.floor(rng() * 3)]! : 'extra'
    Object.defineProperty(place, key, { value: hostileValue(rng), enumerable: true })
    return copy
  }
  const key = keys[Math.floor(rng() * keys.length)]!
  if (roll < 0.2) delete (place as Record<string, unknown>)[key]
  else (place as Record<string, unknown>)[key] = hostileValue(rng)
  return copy
}
