// One valid input per contract method (typed against the contract, so a new method needs one here):
// the fuzz mutates these one field at a time to get past validation into the handlers.
import type { Channel, MethodInput } from '../../src/shared/contract'
import { defaultDeploySpec } from '../../src/shared/deploy'
import type { Rng } from './fuzz-inputs'
import { hostileValue, POLLUTION_KEYS } from './fuzz-inputs'

const settings = { provider: 'mock', model: 'mock-model' } as const
const now = '2026-01-01T00:00:00.000Z'
const deploySpec = defaultDeploySpec(
  { id: 'phi3_py', ollama_name: 'phi3:mini', est_memory_needed_gb: 4 },
  { project: 'fuzz-project', region: 'us-central1' },
)

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
  'chat:list': { query: 'sort rust' },
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
  'chat:rename': { id: 'fuzz-conv', title: 'Renamed conversation' },
  'chat:delete': { id: 'fuzz-conv' },
  'chat:export': { id: 'fuzz-conv', format: 'markdown' },
  'presets:list': {},
  'presets:save': {
    name: 'Terse JSON',
    settings: { system: 'Answer in JSON.', temperature: 0.2, maxTokens: 256, jsonMode: true },
  },
  'presets:rename': { id: 'fuzz-preset', name: 'Renamed' },
  'presets:delete': { id: 'fuzz-preset' },
  'config:read': {},
  'config:validate': { text: '{}' },
  'config:save': {
    text: '{"default_provider_preference_order": ["mock", "groq"]}',
    // Not the file's revision: the save is refused as a conflict (a typed 409), never a 5xx.
    baseRevision: 'fuzz-revision',
  },
  'config:applyEdit': { text: '{"a": 1}', path: ['a'], value: 2 },
  'config:sources': {},
  'config:openInEditor': { path: 'data/config/llm_factory_config.json' },
  'providers:list': {},
  'providers:registry': {},
  'providers:health': {},
  'providers:resetHealth': { provider: 'groq' },
  'failover:plan': {},
  'bench:suites': {},
  'bench:readSuite': { id: 'fuzz.yaml' },
  'bench:validateSuite': { text: 'name: fuzz\n', format: 'yaml' },
  'bench:editSuite': { text: 'name: fuzz\n', format: 'yaml', path: ['name'], value: 'x' },
  'bench:saveSuite': { name: 'fuzz.yaml', text: 'name: fuzz\n' },
  'bench:start': {
    text: '{"name":"f","task_type":"simple_chat","models":["mock/mock-model"],"cases":[{"prompt":"hi"}]}',
    format: 'json',
  },
  'bench:cancel': { runId: 'fuzz-run' },
  'bench:runs': {},
  'bench:loadRun': { runId: 'fuzz-run' },
  'bench:export': { runId: 'fuzz-run', format: 'csv' },
  'bench:proposeTaskScores': { runId: 'fuzz-run' },
  'bench:writeTaskScores': {
    runId: 'fuzz-run',
    files: [{ path: 'models/mock.yaml', before: null }],
  },
  'providers:update': { provider: 'ollama', model: 'phi3:mini' },
  'providers:addCustom': {
    name: 'fuzz-endpoint',
    protocol: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:1/v1',
  },
  'providers:removeCustom': { name: 'fuzz-endpoint' },
  'providers:setOrder': { order: ['mock', 'groq'] },
  'providers:test': { provider: 'mock', unsaved: { model: 'mock-model', apiKey: 'fuzz-key-1234' } },
  'catalog:list': {},
  'catalog:saveEntry': {
    tier: 'good_fit',
    entry: { id: 'fuzz', ollama_name: 'fuzz:1b', type: 'general', est_memory_needed_gb: 1 },
  },
  'catalog:removeEntry': { id: 'fuzz' },
  'catalog:setOrder': { order: 'coding', ids: ['fuzz'] },
  'catalog:makeDefault': { ollamaName: null },
  'deploy:prepare': { modelId: 'phi3_py' },
  'deploy:write': { spec: deploySpec },
  'deploy:start': { spec: deploySpec, runId: 'fuzz-deploy' },
  'deploy:cancel': { runId: 'fuzz-deploy' },
  'deploy:addService': {
    name: 'fuzz-run',
    url: 'https://fuzz-run-4x7kq2nbmq-uc.a.run.app',
    model: 'phi3:mini',
  },
  'workspace:list': {},
  // Outside the server's allowed roots: a typed 403, and the open workspace stays the same.
  'workspace:open': { path: '/nonexistent/mindx-fuzz-workspace' },
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
