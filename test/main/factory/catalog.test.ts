// Specification of the Cloud Run catalog merge (defaults ⊕ json) and the default pick.
import { describe, expect, it } from 'vitest'
import { mergeCatalog } from '../../../src/main/services/catalog'

describe('mergeCatalog', () => {
  it('has the built-in entries, orders and pick without config', () => {
    const catalog = mergeCatalog(undefined)
    expect(catalog.entries.map((e) => [e.tier, e.id, e.ollama_name])).toEqual([
      ['excellent_fit', 'phi3_py', 'phi3:mini'],
      ['excellent_fit', 'gemma_2b_py', 'gemma:2b'],
      ['excellent_fit', 'codegemma_2b_py', 'codegemma:2b'],
      ['good_fit', 'llama3_8b_py', 'llama3:8b'],
      ['good_fit', 'mistral_7b_py', 'mistral:7b'],
      ['good_fit', 'codegemma_7b_py', 'codegemma:7b-it'],
    ])
    expect(catalog.entries.every((e) => e.origin === 'default')).toBe(true)
    expect(catalog.default_coding_preference_order).toEqual([
      'codegemma_7b_py',
      'codegemma_2b_py',
      'phi3_py',
    ])
    expect(catalog.pick).toMatchObject({
      id: 'codegemma_7b_py',
      ollama_name: 'codegemma:7b-it',
      order: 'coding',
    })
  })

  it('merges json entries by id: json wins, new ids are added, origin says config', () => {
    const catalog = mergeCatalog({
      excellent_fit: [
        { id: 'phi3_py', ollama_name: 'phi3:3.8b', type: 'general', est_memory_needed_gb: 4 },
        {
          id: 'qwen_py',
          ollama_name: 'qwen2.5:1.5b',
          type: 'general',
          est_memory_needed_gb: 2,
          extra: true,
        },
      ],
    })
    const phi3 = catalog.entries.find((e) => e.id === 'phi3_py')
    expect(phi3).toMatchObject({
      ollama_name: 'phi3:3.8b',
      origin: 'config',
      tier: 'excellent_fit',
    })
    expect(catalog.entries.find((e) => e.id === 'qwen_py')).toMatchObject({ origin: 'config' })
    expect(catalog.entries.find((e) => e.id === 'gemma_2b_py')?.origin).toBe('default')
    expect(catalog.entries).toHaveLength(7)
  })

  it('moves an entry to the tier the json puts it in', () => {
    const catalog = mergeCatalog({
      good_fit: [
        { id: 'phi3_py', ollama_name: 'phi3:mini', type: 'general', est_memory_needed_gb: 4 },
      ],
    })
    expect(catalog.entries.filter((e) => e.id === 'phi3_py').map((e) => e.tier)).toEqual([
      'good_fit',
    ])
  })

  it('replaces a preference order given in the json and records its origin', () => {
    const catalog = mergeCatalog({ default_coding_preference_order: ['phi3_py'] })
    expect(catalog.default_coding_preference_order).toEqual(['phi3_py'])
    expect(catalog.orderOrigins).toEqual({ coding: 'config', general: 'default' })
    expect(catalog.pick).toMatchObject({
      id: 'phi3_py',
      reason: expect.stringMatching(/first coding preference/),
    })
  })

  it('falls back to the general order when no coding id exists, and to null when none does', () => {
    const general = mergeCatalog({ default_coding_preference_order: ['nope'] })
    expect(general.pick).toMatchObject({ id: 'llama3_8b_py', order: 'general' })
    const none = mergeCatalog({
      default_coding_preference_order: [],
      default_general_preference_order: ['x'],
    })
    expect(none.pick).toBeNull()
  })
})
