// Strict JSON documents: values as mindX's json.load reads them, line:col of any value, errors with their spot.
import { describe, expect, it } from 'vitest'
import { parseJsonDocument } from '../../../src/main/services/config/json-text'
import { ConfigFileError } from '../../../src/main/services/config/types'

const TEXT = `{
  "llm": {
    "ollama": { "base_url": "http://host:11434" },
    "__proto__": { "polluted": true }
  },
  "order": ["vllm", "groq"],
  "order": ["ollama"]
}`

describe('parseJsonDocument', () => {
  it('keeps "__proto__" an own property and the last of duplicate keys, like mindX', () => {
    const { value } = parseJsonDocument(TEXT, 'a.json') as { value: Record<string, unknown> }
    const llm = value.llm as Record<string, unknown>
    expect(Object.getPrototypeOf(llm)).toBe(Object.prototype)
    expect(Object.keys(llm)).toEqual(['ollama', '__proto__'])
    expect(Object.getOwnPropertyDescriptor(llm, '__proto__')?.value).toEqual({ polluted: true })
    expect(value.order).toEqual(['ollama'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('points at a value, or at the deepest ancestor of a missing one', () => {
    const document = parseJsonDocument(TEXT, 'a.json')
    expect(document.locate(['llm', 'ollama', 'base_url'])).toEqual({ line: 3, column: 29 })
    expect(document.locate(['llm', 'ollama', 'nope'])).toEqual({ line: 3, column: 15 })
    expect(document.locate([])).toEqual({ line: 1, column: 1 })
  })

  it('drops a BOM so columns stay where the editor shows them', () => {
    const document = parseJsonDocument('\uFEFF{"a": 1}', 'a.json')
    expect(document.value).toEqual({ a: 1 })
    expect(document.locate(['a'])).toEqual({ line: 1, column: 7 })
  })

  it.each([
    ['{\n  "a": 1,\n}', 2, 9, 'trailing comma (not allowed in JSON)'],
    ['{ "a": 1 // note\n}', 1, 10, 'comments are not allowed in JSON'],
    ['  \n', 1, 1, 'the file is empty (expected JSON)'],
    ['{ "a": 01 }', 1, 9, 'comma expected'],
  ])('%j is a ConfigFileError at its spot', (text, line, column, description) => {
    let error: unknown
    try {
      parseJsonDocument(text, 'bad.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error).toMatchObject({ file: 'bad.json', line, column })
    expect((error as Error).message).toContain(`invalid JSON: ${description}`)
  })
})
