// Key-like values never leave main unmasked, and masked text saved back keeps the real values.
import { describe, expect, it } from 'vitest'
import {
  maskDotenvSecrets,
  maskJsonSecrets,
  maskYamlSecrets,
  restoreMaskedSecrets,
} from '../../../src/main/services/config/secret-masking'

const DISK = `{
  "groq_settings_for_factory": { "api_key_override": "gsk_realkeyvalue123456", "base_url_override": "http://x" },
  "gemini_settings_for_factory": { "api_key_override": "secret:gemini" },
  "ollama_settings_for_factory": { "headers": { "Authorization": "Bearer tok_abcdef123456", "X-Team": "blue-team" } },
  "llm": { "mistral": { "api_key": "env:MISTRAL_API_KEY" }, "groq": { "api_key": "" } },
  "rate_limits": { "token_budget": 1000 }
}
`

describe('maskJsonSecrets', () => {
  it('masks api keys and header values, keeps references, empties, numbers and everything else', () => {
    const masked = maskJsonSecrets(DISK)
    expect(masked).not.toContain('gsk_realkeyvalue123456')
    expect(masked).not.toContain('tok_abcdef123456')
    expect(masked).not.toContain('blue-team')
    expect(masked).toContain('"api_key_override": "gsk_…3456"')
    expect(masked).toContain('"api_key_override": "secret:gemini"')
    expect(masked).toContain('"api_key": "env:MISTRAL_API_KEY"')
    expect(masked).toContain('"api_key": ""')
    expect(masked).toContain('"token_budget": 1000')
    expect(masked).toContain('"base_url_override": "http://x"')
    // Only the values changed: same keys, same layout.
    expect(masked.split('\n').length).toBe(DISK.split('\n').length)
  })

  it('leaves text that is not JSON as it is', () => {
    expect(maskJsonSecrets('{ "a": ')).toBe('{ "a": ')
  })
})

describe('restoreMaskedSecrets', () => {
  it('puts the real values back where the mask is untouched', () => {
    const edited = maskJsonSecrets(DISK).replace('"X-Team": "…am"', '"X-Team": "red-team"')
    const restored = restoreMaskedSecrets(edited.replace('1000', '2000'), DISK)
    expect(restored).toContain('"api_key_override": "gsk_realkeyvalue123456"')
    expect(restored).toContain('"Authorization": "Bearer tok_abcdef123456"')
    expect(restored).toContain('"token_budget": 2000')
  })

  it('keeps a value the user typed over the mask', () => {
    const edited = maskJsonSecrets(DISK).replace('gsk_…3456', 'gsk_brandnewkey999999')
    expect(restoreMaskedSecrets(edited, DISK)).toContain('"gsk_brandnewkey999999"')
  })

  it('does not invent a value where the disk has none at that path', () => {
    const text = '{ "groq_settings_for_factory": { "api_key_override": "gsk_…3456" } }'
    expect(restoreMaskedSecrets(text, '{}')).toBe(text)
  })
})

describe('maskDotenvSecrets', () => {
  it('masks key-like variables only, in both quoting styles, and keeps comments', () => {
    const text = [
      '# keys',
      'MINDX_LLM_GROQ_API_KEY=gsk_fixture_not_a_real_key_0000',
      'export GEMINI_API_KEY="AIza_fixture_value_1234"',
      'OLLAMA_HOST=127.0.0.1:11434',
      'EMPTY_TOKEN=',
    ].join('\n')
    const masked = maskDotenvSecrets(text)
    expect(masked).toContain('MINDX_LLM_GROQ_API_KEY=gsk_…0000')
    expect(masked).toContain('export GEMINI_API_KEY=AIza_…1234')
    expect(masked).toContain('OLLAMA_HOST=127.0.0.1:11434')
    expect(masked).toContain('EMPTY_TOKEN=')
    expect(masked).toContain('# keys')
    expect(masked).not.toContain('fixture_not_a_real')
  })
})

describe('maskYamlSecrets', () => {
  it('masks key-like values in models/*.yaml, keeps variable names, refs and everything else', () => {
    const text = [
      'provider: anthropic # comment',
      'api_key_env: ANTHROPIC_API_KEY',
      'api_key: sk-ant-fixture-not-real-9876 # inline',
      'token: "quoted-fixture-token-5432"',
      'requires_api_key: true',
      'auth_token: secret:anthropic',
      'headers:',
      '  - authorization: Bearer-fixture-abcd',
    ].join('\n')
    const masked = maskYamlSecrets(text)
    expect(masked.split('\n')).toEqual([
      'provider: anthropic # comment',
      'api_key_env: ANTHROPIC_API_KEY',
      'api_key: sk-…9876',
      'token: quot…5432',
      'requires_api_key: true',
      'auth_token: secret:anthropic',
      'headers:',
      '  - authorization: Bear…abcd',
    ])
  })
})
