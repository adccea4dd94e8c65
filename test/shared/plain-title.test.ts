// Conversation titles: Markdown marks out, the text kept, one line, at most 60 characters.
import { describe, expect, it } from 'vitest'
import { plainText, plainTitle, titleFromPrompt } from '../../src/shared/plain-title'

describe('titleFromPrompt', () => {
  it.each([
    ['**Explain** `ollama serve` briefly', 'Explain ollama serve briefly'],
    ['# Sorting in *Rust*', 'Sorting in Rust'],
    ['### Why __this__ ~~fails~~ works', 'Why this fails works'],
    ['See [the docs](https://example.com/a_b) and ![logo](x.png)', 'See the docs and logo'],
    ['Read [this][1] and <https://ollama.com>', 'Read this and https://ollama.com'],
    ['> quoted **question**', 'quoted question'],
    ['- [x] list item', 'list item'],
    ['1. first step', 'first step'],
    ['Use `a` and ``b`` here', 'Use a and b here'],
    ['<b>bold</b> html', 'bold html'],
  ])('%j → %j', (prompt, title) => {
    expect(titleFromPrompt(prompt)).toBe(title)
  })

  it('keeps what only looks like a mark: snake_case, 2 * 3 * 4, escaped stars', () => {
    expect(titleFromPrompt('rename my_var_name now')).toBe('rename my_var_name now')
    expect(titleFromPrompt('what is 2 * 3 * 4?')).toBe('what is 2 * 3 * 4?')
    expect(titleFromPrompt('a \\*literal\\* star')).toBe('a *literal* star')
  })

  it('skips fences, rules and blank lines to the first line that says something', () => {
    expect(titleFromPrompt('\n```ts\nconst x = 1\n```\nfix this')).toBe('const x = 1')
    expect(titleFromPrompt('---\n\n## Real title')).toBe('Real title')
    expect(titleFromPrompt('   \n```\n')).toBe('New conversation')
  })

  it('shortens to 60 characters with an ellipsis, counted after the marks are gone', () => {
    const words = 'word '.repeat(30)
    const title = titleFromPrompt(`**${words}**`)
    expect(title).toHaveLength(60)
    expect(title.endsWith('…')).toBe(true)
    expect(title).not.toContain('*')
  })
})

describe('plainTitle (stored titles, shown)', () => {
  it('strips titles saved with their marks, also ones cut before the closing mark', () => {
    expect(plainTitle('is `ollama serve` running?')).toBe('is ollama serve running?')
    expect(plainTitle('**Explain the `foo` and the bar of the…')).toBe(
      'Explain the foo and the bar of the…',
    )
    expect(plainTitle('## ')).toBe('New conversation')
  })

  it('leaves plain titles alone', () => {
    expect(plainTitle('Sorting in Rust')).toBe('Sorting in Rust')
    expect(plainText('  two\n lines ')).toBe('two lines')
  })
})
