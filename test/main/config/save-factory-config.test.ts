// Specification of saving and editing the factory json: validated, atomic, with a .bak, formatting kept.
import { chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ConfigFileError,
  editFactoryConfig,
  saveFactoryConfigText,
  writeFileAtomic,
} from '../../../src/main/services/config'
import { makeWorkspace, removeWorkspace } from './temp-workspace'

const workspaces: string[] = []
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map(removeWorkspace))
})

async function workspace(files: Record<string, string> = {}): Promise<string> {
  const root = await makeWorkspace(files)
  workspaces.push(root)
  return root
}

const FACTORY = 'data/config/llm_factory_config.json'
const ORIGINAL = '{\n  "default_provider_preference_order": ["ollama"]\n}\n'

describe('saveFactoryConfigText', () => {
  it('replaces the file and keeps the previous one as <path>.bak', async () => {
    const root = await workspace({ [FACTORY]: ORIGINAL })
    const path = join(root, FACTORY)
    const next = '{\n  "default_provider_preference_order": ["groq", "ollama"]\n}\n'
    const saved = await saveFactoryConfigText(path, next)
    expect(saved).toEqual({
      path,
      exists: true,
      text: next,
      data: { default_provider_preference_order: ['groq', 'ollama'] },
    })
    expect(await readFile(path, 'utf8')).toBe(next)
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(ORIGINAL)
    // No temp files are left next to it; git is told to skip backups and unfinished saves.
    expect((await readdir(join(root, 'data/config'))).sort()).toEqual([
      '.gitignore',
      'llm_factory_config.json',
      'llm_factory_config.json.bak',
    ])
  })

  it('keeps the .bak exactly as readable as the file it copies (a 0600 file stays 0600)', async () => {
    const root = await workspace({ [FACTORY]: ORIGINAL })
    const path = join(root, FACTORY)
    await chmod(path, 0o600)
    await saveFactoryConfigText(path, '{}\n')
    expect((await stat(`${path}.bak`)).mode & 0o777).toBe(0o600)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('adds *.bak and temp files to the folder .gitignore, keeping the lines already there', async () => {
    const root = await workspace({ [FACTORY]: ORIGINAL, 'data/config/.gitignore': 'local.json' })
    const path = join(root, FACTORY)
    await saveFactoryConfigText(path, '{}\n')
    await saveFactoryConfigText(path, '{ }\n')
    const ignore = await readFile(join(root, 'data/config/.gitignore'), 'utf8')
    expect(ignore.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'local.json',
      '*.bak',
      '.*.tmp',
      '',
    ])
  })

  it('creates a new file (and its folder) without a .bak when there was none', async () => {
    const root = await workspace()
    const path = join(root, FACTORY)
    await saveFactoryConfigText(path, ORIGINAL)
    expect(await readFile(path, 'utf8')).toBe(ORIGINAL)
    expect(await readdir(join(root, 'data/config'))).toEqual(['llm_factory_config.json'])
  })

  it.each([
    ['invalid JSON', '{\n  "default_provider_preference_order": ["groq",]\n}\n', 2],
    ['a schema violation', '{\n  "groq_settings_for_factory": []\n}\n', 2],
  ])('refuses %s, leaving the file untouched', async (_name, text, line) => {
    const root = await workspace({ [FACTORY]: ORIGINAL })
    const path = join(root, FACTORY)
    const before = await stat(path)
    const error = await saveFactoryConfigText(path, text).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigFileError)
    expect(error).toMatchObject({ file: path, line })
    expect(await readFile(path, 'utf8')).toBe(ORIGINAL)
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    expect(await readdir(join(root, 'data/config'))).toEqual(['llm_factory_config.json'])
  })
})

describe('writeFileAtomic', () => {
  it('keeps the permissions of the file it replaces', async () => {
    const root = await workspace({ 'secret.json': '{}' })
    const path = join(root, 'secret.json')
    await chmod(path, 0o600)
    await writeFileAtomic(path, '{"a": 1}')
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('writes through a symlink, keeping the link', async () => {
    const root = await workspace({ 'real.json': '{}' })
    await symlink(join(root, 'real.json'), join(root, 'link.json'))
    await writeFileAtomic(join(root, 'link.json'), '{"via": "link"}')
    expect((await lstat(join(root, 'link.json'))).isSymbolicLink()).toBe(true)
    expect(await readFile(join(root, 'real.json'), 'utf8')).toBe('{"via": "link"}')
  })

  it('replaces an older .bak when asked to keep one', async () => {
    const root = await workspace({ 'f.json': 'v2', 'f.json.bak': 'v1' })
    await writeFileAtomic(join(root, 'f.json'), 'v3', { keepBackup: true })
    expect(await readFile(join(root, 'f.json.bak'), 'utf8')).toBe('v2')
    expect(await readFile(join(root, 'f.json'), 'utf8')).toBe('v3')
  })

  it('removes its temp file when the write fails', async () => {
    const root = await workspace()
    // The target is a folder: the final rename fails after the temp file was written.
    await writeFile(join(root, 'keep.txt'), 'x')
    const target = join(root, 'dir')
    await mkdir(target)
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow()
    expect((await readdir(root)).sort()).toEqual(['dir', 'keep.txt'])
  })
})

describe('editFactoryConfig', () => {
  const text = [
    '{',
    '  "zeta_unknown": { "keep": [1, 2, 3] },',
    '  "ollama_settings_for_factory": {',
    '    "default_model_override": "",',
    '    "base_url_override": ""',
    '  },',
    '  "alpha_unknown": true',
    '}',
    '',
  ].join('\n')

  it('changes one value and leaves order, formatting and unknown keys alone', () => {
    const edited = editFactoryConfig(
      text,
      ['ollama_settings_for_factory', 'default_model_override'],
      'qwen3:1.7b',
    )
    expect(edited).toBe(
      text.replace('"default_model_override": ""', '"default_model_override": "qwen3:1.7b"'),
    )
  })

  it('adds a missing section with 2-space indentation', () => {
    const edited = editFactoryConfig(text, ['groq_settings_for_factory', 'api_key_override'], '')
    expect(edited).toContain('  "groq_settings_for_factory": {\n    "api_key_override": ""\n  }')
    expect(Object.keys(JSON.parse(edited) as object)).toEqual([
      'zeta_unknown',
      'ollama_settings_for_factory',
      'alpha_unknown',
      'groq_settings_for_factory',
    ])
  })

  it('removes a key when the value is undefined', () => {
    const edited = editFactoryConfig(
      text,
      ['ollama_settings_for_factory', 'base_url_override'],
      undefined,
    )
    expect(JSON.parse(edited)).toEqual({
      zeta_unknown: { keep: [1, 2, 3] },
      ollama_settings_for_factory: { default_model_override: '' },
      alpha_unknown: true,
    })
  })

  it('sets array items by index', () => {
    const edited = editFactoryConfig('{"order": ["a", "b"]}', ['order', 1], 'c')
    expect(JSON.parse(edited)).toEqual({ order: ['a', 'c'] })
  })

  it('starts an empty file as an object', () => {
    expect(
      JSON.parse(editFactoryConfig('', ['default_provider_preference_order'], ['groq'])),
    ).toEqual({
      default_provider_preference_order: ['groq'],
    })
  })

  it('keeps Windows line endings', () => {
    const crlf = '{\r\n  "a": 1\r\n}\r\n'
    expect(editFactoryConfig(crlf, ['b'], 2)).toBe('{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n')
  })

  it('refuses to edit text that is not valid JSON', () => {
    expect(() => editFactoryConfig('{"a": 1,}', ['b'], 2, { file: '/ws/f.json' })).toThrow(
      ConfigFileError,
    )
  })
})
