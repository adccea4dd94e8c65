// Specification of reading llm_factory_config.json: where it is, strictness, errors that point at the spot.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ConfigFileError,
  loadFactoryConfig,
  loadGlobalConfig,
  loadWorkspaceConfig,
  parseJsonText,
  resolveFactoryConfigPath,
} from '../../../src/main/services/config'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

const workspaces: string[] = []
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map(removeWorkspace))
})

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await makeWorkspace(files)
  workspaces.push(root)
  return root
}

async function errorOf(promise: Promise<unknown>): Promise<ConfigFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ConfigFileError))
    throw new Error(`expected a ConfigFileError: ${String(error)}`)
  return error
}

const FACTORY = 'data/config/llm_factory_config.json'

/** 1-based line and column of the first `needle` in `text`, counted independently of the code. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.slice(0, text.indexOf(needle)).split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

describe('parseJsonText', () => {
  it('returns the value of strict JSON', () => {
    expect(parseJsonText('{"a": [1, true, null]}', 'x.json')).toEqual({ a: [1, true, null] })
  })

  it.each([
    ['a comment', '{\n  // note\n  "a": 1\n}', 2, 3, 'comments are not allowed'],
    ['a trailing comma', '{\n  "a": 1,\n}', 2, 9, 'trailing comma'],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'comma expected'],
    ['an empty file', '', 1, 1, 'empty'],
  ])('rejects %s with a 1-based line and column', (_name, text, line, column, message) => {
    let thrown: unknown
    try {
      parseJsonText(text, '/ws/x.json')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigFileError)
    expect(thrown).toMatchObject({ file: '/ws/x.json', line, column })
    expect((thrown as Error).message).toContain(`/ws/x.json:${line}:${column}: `)
    expect((thrown as Error).message).toContain(message)
  })

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const value = parseJsonText('{"__proto__": {"polluted": true}}', 'x.json') as object
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__'])
  })
})

describe('loadFactoryConfig', () => {
  it('treats a missing file as an empty config', async () => {
    const root = await workspace({})
    expect(await loadFactoryConfig(join(root, FACTORY))).toEqual({
      path: join(root, FACTORY),
      exists: false,
      data: {},
      text: '',
    })
  })

  it('keeps unknown sections and the raw text', async () => {
    const text = JSON.stringify({ rate_limit_profiles: { default_rpm: 60 }, llm: {} }, null, 2)
    const root = await workspace({ [FACTORY]: text })
    const file = await loadFactoryConfig(join(root, FACTORY))
    expect(file.exists).toBe(true)
    expect(file.text).toBe(text)
    expect(file.data).toEqual({ rate_limit_profiles: { default_rpm: 60 }, llm: {} })
  })

  it('points a schema violation at the offending value', async () => {
    const text = [
      '{',
      '  "ollama_settings_for_factory": {',
      '    "cloud_run_friendly_models": {',
      '      "good_fit": [',
      '        { "id": "a", "ollama_name": "a:1b", "type": "general", "est_memory_needed_gb": "lots" }',
      '      ]',
      '    }',
      '  }',
      '}',
    ].join('\n')
    const root = await workspace({ [FACTORY]: text })
    const error = await errorOf(loadFactoryConfig(join(root, FACTORY)))
    expect(error).toMatchObject({ file: join(root, FACTORY), ...positionOf(text, '"lots"') })
    expect(error.message).toContain(
      'ollama_settings_for_factory.cloud_run_friendly_models.good_fit[0].est_memory_needed_gb',
    )
  })

  it('points a missing required property at the object that lacks it', async () => {
    const text =
      '{\n  "ollama_settings_for_factory": {\n    "cloud_run_friendly_models": {\n      "excellent_fit": [{ "id": "x" }]\n    }\n  }\n}\n'
    const root = await workspace({ [FACTORY]: text })
    const error = await errorOf(loadFactoryConfig(join(root, FACTORY)))
    expect(error).toMatchObject(positionOf(text, '{ "id": "x" }'))
    expect(error.message).toContain('excellent_fit[0].ollama_name')
  })

  it('rejects a top level that is not an object', async () => {
    const root = await workspace({ [FACTORY]: '["ollama"]\n' })
    const error = await errorOf(loadFactoryConfig(join(root, FACTORY)))
    expect(error).toMatchObject({ line: 1, column: 1 })
  })

  it('rejects a syntax error with line and column', async () => {
    const text = '{\n  "default_provider_preference_order": ["ollama",]\n}\n'
    const root = await workspace({ [FACTORY]: text })
    const error = await errorOf(loadFactoryConfig(join(root, FACTORY)))
    expect(error).toMatchObject({ file: join(root, FACTORY), ...positionOf(text, ',]') })
  })
})

describe('the factory json path', () => {
  it('defaults to <root>/data/config/llm_factory_config.json', async () => {
    const root = await workspace({})
    const global = await loadGlobalConfig({ root, env: {} })
    expect(await resolveFactoryConfigPath(root, global)).toBe(join(root, FACTORY))
  })

  it('follows llm.factory_config_path, relative to the workspace root', async () => {
    const root = await workspace({
      'mindx_config.json': JSON.stringify({ llm: { factory_config_path: 'conf/factory.json' } }),
      'conf/factory.json': JSON.stringify({ default_provider_preference_order: ['groq'] }),
    })
    const config = await loadWorkspaceConfig({ root, env: {} })
    expect(config.factory.path).toBe(join(root, 'conf/factory.json'))
    expect(config.factory.data.default_provider_preference_order).toEqual(['groq'])
  })

  it('follows an absolute path inside the workspace from an env var', async () => {
    const root = await workspace({ 'conf/f.json': '{"groq_settings_for_factory": {}}' })
    const env = { MINDX_LLM__FACTORY_CONFIG_PATH: join(root, 'conf/f.json') }
    const config = await loadWorkspaceConfig({ root, env })
    expect(config.factory).toMatchObject({ path: join(root, 'conf/f.json'), exists: true })
  })

  it('treats an empty string as not set', async () => {
    const root = await workspace({})
    const global = await loadGlobalConfig({ root, env: { MINDX_LLM_FACTORY_CONFIG_PATH: '' } })
    expect(await resolveFactoryConfigPath(root, global)).toBe(join(root, FACTORY))
  })

  it('rejects a path that is not a string', async () => {
    const root = await workspace({
      'mindx_config.json': JSON.stringify({ llm: { factory_config_path: 42 } }),
    })
    const error = await errorOf(loadWorkspaceConfig({ root, env: {} }))
    expect(error.file).toBe(join(root, 'mindx_config.json'))
    expect(error.message).toContain('llm.factory_config_path')
  })

  it('makes loadWorkspaceConfig throw for an invalid factory json', async () => {
    const text = '{\n  "gemini_settings_for_factory": { "api_key_override": 7 }\n}\n'
    const root = await workspace({ [FACTORY]: text })
    const error = await errorOf(loadWorkspaceConfig({ root, env: {} }))
    expect(error).toMatchObject({ file: join(root, FACTORY), ...positionOf(text, '7 }') })
  })
})
