// Cloud Run table rules: installed matching, filters by type / memory tier / words, stable sorting.
import { describe, expect, it } from 'vitest'
import {
  catalogRows,
  filterRows,
  sortRows,
  typesOf,
} from '../../src/renderer/features/cloud-run-models/catalog-table'
import { diffLines } from '../../src/shared/line-diff'
import { fakeCatalog } from '../../src/renderer/platform/fake-studio'

const catalog = {
  ...fakeCatalog(),
  entries: [
    ...fakeCatalog().entries,
    {
      id: 'llama3_py',
      ollama_name: 'llama3',
      type: 'general/chat',
      est_memory_needed_gb: 8,
      notes: 'Meta',
      tier: 'good_fit' as const,
      origin: 'config' as const,
    },
  ],
}

describe('catalog table', () => {
  it('marks installed models (llama3 is llama3:latest) and unknown when the host did not answer', () => {
    const rows = catalogRows(catalog, ['phi3:mini', 'llama3:latest'])
    expect(rows.map((r) => [r.id, r.installed, r.codingRank, r.generalRank])).toEqual([
      ['phi3_py', true, 2, 1],
      ['codegemma_7b_py', false, 1, null],
      ['llama3_py', true, null, null],
    ])
    expect(catalogRows(catalog, null).every((r) => r.installed === null)).toBe(true)
  })

  it('filters by type, by memory budget and by every search word', () => {
    const rows = catalogRows(catalog, [])
    const ids = (list: { id: string }[]) => list.map((r) => r.id)
    expect(ids(filterRows(rows, { search: '', type: 'coding', budgetGb: null }))).toEqual([
      'codegemma_7b_py',
    ])
    expect(ids(filterRows(rows, { search: '', type: null, budgetGb: 4 }))).toEqual(['phi3_py'])
    expect(ids(filterRows(rows, { search: 'META llama', type: null, budgetGb: null }))).toEqual([
      'llama3_py',
    ])
    expect(typesOf(rows)).toEqual(['coding', 'general/chat', 'general/reasoning'])
  })

  it('sorts either way with missing ranks last, ties in catalog order', () => {
    const rows = catalogRows(catalog, [])
    const by = (
      column: Parameters<typeof sortRows>[1]['column'],
      direction: 'ascending' | 'descending',
    ) => sortRows(rows, { column, direction }).map((r) => r.id)
    expect(by('codingRank', 'ascending')).toEqual(['codegemma_7b_py', 'phi3_py', 'llama3_py'])
    expect(by('codingRank', 'descending')).toEqual(['phi3_py', 'codegemma_7b_py', 'llama3_py'])
    expect(by('est_memory_needed_gb', 'descending')).toEqual([
      'codegemma_7b_py',
      'llama3_py',
      'phi3_py',
    ])
    expect(by('ollama_name', 'ascending')).toEqual(['codegemma_7b_py', 'llama3_py', 'phi3_py'])
  })
})

describe('diffLines', () => {
  it('shows removed lines before the lines that replace them, with context kept', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ])
    expect(diffLines('x', 'x')).toEqual([{ kind: 'same', text: 'x' }])
  })
})
