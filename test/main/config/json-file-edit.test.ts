// Form edits of workspace files: only the edited spot changes, invalid results write nothing, .bak kept.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  editFactoryConfigFile,
  editJsonObjectFile,
} from '../../../src/main/services/config/json-file-edit'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

let root = ''
afterEach(() => removeWorkspace(root))

const TEXT = `{
  "rate_limit_profiles": { "groq": { "rpm": 30 } },
  "default_provider_preference_order": ["vllm", "groq"],
  "groq_settings_for_factory": {
    "default_model_override": "llama-3.3-70b-versatile"
  }
}
`

describe('editFactoryConfigFile', () => {
  it('changes only the edited values and keeps the previous file as .bak', async () => {
    root = await makeWorkspace({ 'f.json': TEXT })
    const path = join(root, 'f.json')
    await editFactoryConfigFile(path, [
      { path: ['groq_settings_for_factory', 'api_key_override'], value: 'secret:groq' },
      { path: ['default_provider_preference_order'], value: ['groq', 'vllm'] },
    ])
    const saved = await readFile(path, 'utf8')
    expect(saved.startsWith('{\n  "rate_limit_profiles": { "groq": { "rpm": 30 } },\n')).toBe(true)
    expect(JSON.parse(saved)).toEqual({
      rate_limit_profiles: { groq: { rpm: 30 } },
      default_provider_preference_order: ['groq', 'vllm'],
      groq_settings_for_factory: {
        default_model_override: 'llama-3.3-70b-versatile',
        api_key_override: 'secret:groq',
      },
    })
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(TEXT)
  })

  it('refuses an edit the schema rejects and leaves the file alone', async () => {
    root = await makeWorkspace({ 'f.json': TEXT })
    const path = join(root, 'f.json')
    await expect(
      editFactoryConfigFile(path, [{ path: ['default_provider_preference_order'], value: 42 }]),
    ).rejects.toThrow(/default_provider_preference_order/)
    expect(await readFile(path, 'utf8')).toBe(TEXT)
  })

  it('creates a missing file as a 2-space object', async () => {
    root = await makeWorkspace()
    const path = join(root, 'data', 'config', 'llm_factory_config.json')
    await editFactoryConfigFile(path, [
      { path: ['ollama_settings_for_factory', 'default_model_override'], value: 'phi3:mini' },
    ])
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      ollama_settings_for_factory: { default_model_override: 'phi3:mini' },
    })
  })
})

describe('editJsonObjectFile', () => {
  it('edits mindx_config.json keeping other sections; removing with undefined', async () => {
    root = await makeWorkspace({
      'mindx_config.json':
        '{\n  "system": { "name": "x" },\n  "llm": { "groq": { "base_url": "http://a" } }\n}\n',
    })
    const path = join(root, 'mindx_config.json')
    await editJsonObjectFile(path, [
      { path: ['llm', 'groq', 'default_model'], value: 'm' },
      { path: ['llm', 'groq', 'base_url'], value: undefined },
    ])
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      system: { name: 'x' },
      llm: { groq: { default_model: 'm' } },
    })
  })

  it('refuses to edit a file that is not JSON', async () => {
    root = await makeWorkspace({ 'mindx_config.json': '{ broken' })
    const path = join(root, 'mindx_config.json')
    await expect(editJsonObjectFile(path, [{ path: ['a'], value: 1 }])).rejects.toThrow(/1:\d+/)
    expect(await readFile(path, 'utf8')).toBe('{ broken')
    await writeFile(path, '[]')
    await expect(editJsonObjectFile(path, [{ path: [0], value: 1 }])).rejects.toThrow(/object/)
  })
})
