// Canned answers for the Providers / Config / Cloud Run methods, so screens render against the fake AppApi.
import type { Catalog } from '../../shared/catalog'
import { BUILT_IN_PROVIDERS } from '../../shared/providers'
import type { CatalogOverview, ProvidersOverview } from '../../shared/studio-config'
import type { FakeHandlers } from './fake-api'
import { fakeResolution } from './fake-api'

const FACTORY_JSON = '/home/you/mindx/data/config/llm_factory_config.json'

export function fakeProvidersOverview(): ProvidersOverview {
  return {
    providers: BUILT_IN_PROVIDERS.map((d) => ({
      provider: d.name,
      displayName: d.displayName,
      protocol: d.protocol,
      origin: d.origin,
      view: fakeResolution({ provider: d.name }),
      needsKey: d.requiresKey || d.keyEnv.length > 0,
      requiresKey: d.requiresKey,
      status: d.requiresKey ? 'key-missing' : 'configured',
      keyEnv: [...d.keyEnv],
      baseUrlEnv: [...d.baseUrlEnv],
      mindx: null,
      headers: [],
      defaultHeaders: Object.entries(d.defaultHeaders).map(([name, value]) => ({ name, value })),
    })),
    preferenceOrder: ['ollama', 'groq'],
    defaultView: fakeResolution(),
    secretStore: '.mindx/secrets.json',
    layers: [
      { layer: 'factory-config', file: FACTORY_JSON },
      { layer: 'global-config', file: '/home/you/mindx/mindx_config.json' },
    ],
  }
}

export function fakeCatalog(): Catalog {
  return {
    entries: [
      {
        id: 'phi3_py',
        ollama_name: 'phi3:mini',
        type: 'general/reasoning',
        est_memory_needed_gb: 4,
        tier: 'excellent_fit',
        origin: 'default',
      },
      {
        id: 'codegemma_7b_py',
        ollama_name: 'codegemma:7b-it',
        type: 'coding',
        est_memory_needed_gb: 8,
        tier: 'good_fit',
        origin: 'default',
      },
    ],
    default_coding_preference_order: ['codegemma_7b_py', 'phi3_py'],
    default_general_preference_order: ['phi3_py'],
    orderOrigins: { coding: 'default', general: 'default' },
    pick: {
      id: 'codegemma_7b_py',
      ollama_name: 'codegemma:7b-it',
      order: 'coding',
      reason: 'first coding preference found in the catalog (codegemma_7b_py)',
    },
  }
}

export function fakeCatalogOverview(): CatalogOverview {
  return {
    catalog: fakeCatalog(),
    installed: { reachable: true, baseUrl: 'http://localhost:11434', names: ['phi3:mini'] },
    defaultModelOverride: null,
    ollamaView: fakeResolution({ provider: 'ollama' }),
    configPath: FACTORY_JSON,
  }
}

export const FAKE_STUDIO_HANDLERS: Partial<FakeHandlers> = {
  'providers:list': () => Promise.resolve(fakeProvidersOverview()),
  'catalog:list': () => Promise.resolve(fakeCatalogOverview()),
  'config:read': () =>
    Promise.resolve({
      path: FACTORY_JSON,
      exists: true,
      text: '{\n  "groq_settings_for_factory": {}\n}\n',
      revision: 'r1',
    }),
  'config:validate': () => Promise.resolve({ ok: true }),
  'config:sources': () => Promise.resolve([]),
  'providers:health': () => Promise.resolve([]),
  'providers:resetHealth': () => Promise.resolve({ reset: 0 }),
  'failover:plan': () => Promise.resolve([]),
}
