// Specification of the global config: layer order, env names, .env, env: references, warnings.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigFileError, loadGlobalConfig } from '../../../src/main/services/config'
import type { EnvRecord } from '../../../src/main/services/config'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

const workspaces: string[] = []
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map(removeWorkspace))
})

async function load(files: Record<string, string>, env: EnvRecord = {}) {
  const root = await makeWorkspace(files)
  workspaces.push(root)
  return { root, global: await loadGlobalConfig({ root, env }) }
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

describe('json layers', () => {
  it('deep-merges data/config/*.json in file-name order, later files winning', async () => {
    const { root, global } = await load({
      'data/config/b.json': json({ llm: { ollama: { base_url: 'http://b', timeout: 5 } } }),
      'data/config/a.json': json({ llm: { ollama: { base_url: 'http://a', keep_alive: '1m' } } }),
    })
    const a = join(root, 'data/config/a.json')
    const b = join(root, 'data/config/b.json')
    expect(global.get('llm.ollama.base_url')).toEqual({
      value: 'http://b',
      key: 'llm.ollama.base_url',
      origin: b,
    })
    expect(global.lookup('llm.ollama.base_url').map((v) => v.origin)).toEqual([b, a])
    expect(global.get('llm.ollama.keep_alive')?.origin).toBe(a)
    expect(global.files).toEqual([a, b])
  })

  it('orders file names by code point, as mindX sorted() does', async () => {
    const { root, global } = await load({
      'data/config/a.json': json({ x: 'lower-case a' }),
      'data/config/Z.json': json({ x: 'upper-case Z' }),
    })
    expect(global.get('x')).toMatchObject({ value: 'lower-case a' })
    expect(global.files).toEqual([
      join(root, 'data/config/Z.json'),
      join(root, 'data/config/a.json'),
    ])
  })

  it('applies <root>/mindx_config.json (v4 layout) over data/config', async () => {
    const { root, global } = await load({
      'data/config/mindx_config.json': json({ llm: { default_provider: 'mistral' } }),
      'mindx_config.json': json({ llm: { default_provider: 'ollama' } }),
    })
    expect(global.lookup('llm.default_provider')).toEqual([
      { value: 'ollama', key: 'llm.default_provider', origin: join(root, 'mindx_config.json') },
      {
        value: 'mistral',
        key: 'llm.default_provider',
        origin: join(root, 'data/config/mindx_config.json'),
      },
    ])
  })

  it('answers an object key with the merged subtree', async () => {
    const { global } = await load({
      'data/config/a.json': json({ llm: { groq: { default_model: 'm1', timeout: 10 } } }),
      'data/config/b.json': json({ llm: { groq: { timeout: 20 } } }),
    })
    expect(global.get('llm.groq')?.value).toEqual({ default_model: 'm1', timeout: 20 })
  })

  it('lets a non-object in a higher file hide the whole subtree below it, as the merge does', async () => {
    const { global } = await load({
      'data/config/a.json': json({ llm: { ollama: { base_url: 'http://a' } } }),
      'data/config/b.json': json({ llm: { ollama: 'disabled' } }),
    })
    expect(global.get('llm.ollama.base_url')).toBeUndefined()
    expect(global.lookup('llm.ollama.base_url')).toEqual([])
    expect(global.get('llm.ollama')?.value).toBe('disabled')
  })

  it('does not index into arrays (mindX walks dict keys only)', async () => {
    const { global } = await load({ 'data/config/a.json': json({ list: ['zero'] }) })
    expect(global.get('list.0')).toBeUndefined()
  })

  it('treats a missing workspace folder layout as empty layers', async () => {
    const { global } = await load({})
    expect(global.get('llm.ollama.base_url')).toBeUndefined()
    expect(global.files).toEqual([])
    expect(global.warnings).toEqual([])
  })
})

describe('environment variables', () => {
  const files = { 'data/config/a.json': json({ llm: { gemini: { api_key: 'from-json' } } }) }

  it('win over json files, with the variable named as the key', async () => {
    const { global } = await load(files, { MINDX_LLM_GEMINI_API_KEY: 'from-env' })
    expect(global.get('llm.gemini.api_key')).toEqual({
      value: 'from-env',
      key: 'MINDX_LLM_GEMINI_API_KEY',
      origin: 'env:MINDX_LLM_GEMINI_API_KEY',
    })
    expect(global.lookup('llm.gemini.api_key').map((v) => v.value)).toEqual([
      'from-env',
      'from-json',
    ])
  })

  it('honour the double-underscore form, which wins when both forms are set', async () => {
    const env = {
      MINDX_LLM__FACTORY_CONFIG_PATH: 'double',
      MINDX_LLM_FACTORY_CONFIG_PATH: 'single',
    }
    const { global } = await load({}, env)
    expect(global.lookup('llm.factory_config_path')).toEqual([
      {
        value: 'double',
        key: 'MINDX_LLM__FACTORY_CONFIG_PATH',
        origin: 'env:MINDX_LLM__FACTORY_CONFIG_PATH',
      },
      {
        value: 'single',
        key: 'MINDX_LLM_FACTORY_CONFIG_PATH',
        origin: 'env:MINDX_LLM_FACTORY_CONFIG_PATH',
      },
    ])
  })

  it('keep values as strings, as mindX Config.get returns os.getenv unconverted', async () => {
    const { global } = await load({}, { MINDX_LLM__OLLAMA__TIMEOUT: '30', MINDX_A__B: 'false' })
    expect(global.get('llm.ollama.timeout')?.value).toBe('30')
    expect(global.get('a.b')?.value).toBe('false')
  })

  it('count an empty string as set, as the shell does', async () => {
    const { global } = await load(files, { MINDX_LLM_GEMINI_API_KEY: '' })
    expect(global.get('llm.gemini.api_key')?.value).toBe('')
  })

  it('are read from the injected record only, never from process.env', async () => {
    process.env.MINDX_LLM__LEAK_TEST = 'leaked'
    try {
      const { global } = await load({}, {})
      expect(global.get('llm.leak_test')).toBeUndefined()
    } finally {
      delete process.env.MINDX_LLM__LEAK_TEST
    }
  })
})

describe('.env', () => {
  it('supplies variables with a dotenv: origin', async () => {
    const { root, global } = await load({
      '.env': 'MINDX_LLM_GROQ_API_KEY=gsk_fake_dotenv\nGEMINI_API_KEY="fake-gemini"\n',
    })
    expect(global.get('llm.groq.api_key')).toEqual({
      value: 'gsk_fake_dotenv',
      key: 'MINDX_LLM_GROQ_API_KEY',
      origin: 'dotenv:MINDX_LLM_GROQ_API_KEY',
    })
    expect(global.env('GEMINI_API_KEY')).toEqual({
      value: 'fake-gemini',
      key: 'GEMINI_API_KEY',
      origin: 'dotenv:GEMINI_API_KEY',
    })
    expect(global.files).toEqual([join(root, '.env')])
  })

  it('never overrides the real environment, and the shadowed value stays visible', async () => {
    const { global } = await load(
      { '.env': 'OLLAMA_HOST=http://127.0.0.1:1\nMINDX_LLM_GROQ_API_KEY=gsk_fake_file\n' },
      { OLLAMA_HOST: 'http://127.0.0.1:2', MINDX_LLM_GROQ_API_KEY: 'gsk_fake_real' },
    )
    expect(global.env('OLLAMA_HOST')).toMatchObject({
      value: 'http://127.0.0.1:2',
      origin: 'env:OLLAMA_HOST',
    })
    expect(global.lookup('llm.groq.api_key').map((v) => v.origin)).toEqual([
      'env:MINDX_LLM_GROQ_API_KEY',
      'dotenv:MINDX_LLM_GROQ_API_KEY',
    ])
  })

  it('ranks every real variable above every .env variable, whatever their form', async () => {
    const { global } = await load(
      { '.env': 'MINDX_LLM__GROQ__API_KEY=gsk_fake_file_double\n' },
      { MINDX_LLM_GROQ_API_KEY: 'gsk_fake_real_single' },
    )
    expect(global.get('llm.groq.api_key')?.origin).toBe('env:MINDX_LLM_GROQ_API_KEY')
  })

  it('does not touch process.env', async () => {
    await load({ '.env': 'MINDX_DOTENV_SHOULD_NOT_LEAK=1\n' })
    expect(process.env.MINDX_DOTENV_SHOULD_NOT_LEAK).toBeUndefined()
  })
})

describe('"env:NAME" values in json', () => {
  const files = {
    'data/config/a.json': json({ llm: { gemini: { api_key: 'from-lower-file' } } }),
    'data/config/b.json': json({ llm: { gemini: { api_key: 'env:GEMINI_API_KEY' } } }),
  }

  it('dereference the real environment', async () => {
    const { global } = await load(files, { GEMINI_API_KEY: 'fake-real' })
    expect(global.get('llm.gemini.api_key')).toEqual({
      value: 'fake-real',
      key: 'llm.gemini.api_key',
      origin: 'env:GEMINI_API_KEY',
    })
  })

  it('dereference .env', async () => {
    const { global } = await load({ ...files, '.env': 'GEMINI_API_KEY=fake-file\n' })
    expect(global.get('llm.gemini.api_key')).toMatchObject({
      value: 'fake-file',
      origin: 'dotenv:GEMINI_API_KEY',
    })
  })

  it('count as unset when NAME is unset, so lower layers answer', async () => {
    const { root, global } = await load(files)
    expect(global.lookup('llm.gemini.api_key')).toEqual([
      {
        value: 'from-lower-file',
        key: 'llm.gemini.api_key',
        origin: join(root, 'data/config/a.json'),
      },
    ])
  })

  it('accept the prefix in any case, as mindX lower-cases before checking', async () => {
    const { global } = await load(
      { 'mindx_config.json': json({ llm: { groq: { api_key: 'ENV:GROQ_API_KEY' } } }) },
      { GROQ_API_KEY: 'gsk_fake' },
    )
    expect(global.get('llm.groq.api_key')?.value).toBe('gsk_fake')
  })
})

describe('broken files', () => {
  it('skips a broken unrelated json with a warning at file:line:col', async () => {
    const { root, global } = await load({
      'data/config/a.json': json({ kept: true }),
      'data/config/broken.json': '{\n  "a": 1\n  "b": 2\n}\n',
    })
    const file = join(root, 'data/config/broken.json')
    expect(global.warnings).toEqual([
      { file, line: 3, column: 3, message: expect.stringContaining('comma expected') as string },
    ])
    expect(global.get('kept')?.value).toBe(true)
    expect(global.files).toEqual([join(root, 'data/config/a.json')])
  })

  it('skips a json whose top level is not an object, with a warning', async () => {
    const { root, global } = await load({ 'data/config/list.json': '[1, 2]\n' })
    expect(global.warnings).toMatchObject([
      { file: join(root, 'data/config/list.json'), line: 1, column: 1 },
    ])
  })

  it('is strict about data/config/llm_factory_config.json: bad JSON throws with line:col', async () => {
    const text = '{\n  "llm": {\n    "ollama": {},\n  }\n}\n'
    const root = await makeWorkspace({ 'data/config/llm_factory_config.json': text })
    workspaces.push(root)
    const error = await loadGlobalConfig({ root, env: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error).toMatchObject({
      file: join(root, 'data/config/llm_factory_config.json'),
      line: 3,
      column: 17,
    })
  })

  it('throws for an unreadable file instead of using an empty config', async () => {
    const root = await makeWorkspace()
    workspaces.push(root)
    // A folder where a file should be cannot be read, even by root (unlike chmod 000).
    await mkdir(join(root, 'mindx_config.json'))
    await expect(loadGlobalConfig({ root, env: {} })).rejects.toMatchObject({
      name: 'ConfigFileError',
      file: join(root, 'mindx_config.json'),
    })
  })

  it('throws for an unreadable .env', async () => {
    const root = await makeWorkspace()
    workspaces.push(root)
    await mkdir(join(root, '.env'))
    await expect(loadGlobalConfig({ root, env: {} })).rejects.toBeInstanceOf(ConfigFileError)
  })
})
