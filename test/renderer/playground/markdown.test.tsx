// @vitest-environment jsdom
// Model Markdown is rendered inert: no raw HTML, no javascript:/data: links, no fetched images.
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AnswerBody } from '../../../src/renderer/features/playground/AnswerBody'
import { Markdown } from '../../../src/renderer/features/playground/Markdown'
import { splitMarkdownBlocks } from '../../../src/renderer/features/playground/markdown-blocks'
import { safeUrl } from '../../../src/renderer/features/playground/markdown-safety'

afterEach(cleanup)

function renderMarkdown(text: string): HTMLElement {
  return render(<Markdown text={text} />).container
}

describe('Markdown safety', () => {
  it('shows raw HTML as its literal text and creates no element from it', () => {
    const container = renderMarkdown(
      'Hi <img src=x onerror="alert(1)"> there\n\n<script>alert(2)</script>\n\n<iframe src="https://evil.test"></iframe>',
    )
    expect(container.querySelectorAll('img, script, iframe')).toHaveLength(0)
    expect(container.querySelector('[onerror]')).toBeNull()
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">')
    expect(container.textContent).toContain('<script>alert(2)</script>')
  })

  it('renders javascript:, data: and vbscript: links as inert text', () => {
    const container = renderMarkdown(
      '[a](javascript:alert(1)) [b](data:text/html,<b>x</b>) [c](vbscript:msgbox) [d](JaVaScRiPt:alert(1))',
    )
    expect(container.querySelectorAll('a')).toHaveLength(0)
    for (const name of ['a', 'b', 'c', 'd']) expect(screen.getByText(name).tagName).toBe('SPAN')
  })

  it('keeps http(s) links, opening them outside the app, and mailto links', () => {
    renderMarkdown('[docs](https://example.com/x) and [mail](mailto:a@b.c) and <https://auto.link>')
    const docs = screen.getByRole('link', { name: 'docs' })
    expect(docs.getAttribute('href')).toBe('https://example.com/x')
    expect(docs.getAttribute('target')).toBe('_blank')
    expect(docs.getAttribute('rel')).toBe('noopener noreferrer')
    expect(screen.getByRole('link', { name: 'mail' }).getAttribute('href')).toBe('mailto:a@b.c')
    expect(screen.getByRole('link', { name: 'https://auto.link' })).toBeTruthy()
  })

  it('never loads images: http ones become links, others plain text', () => {
    const container = renderMarkdown('![cat](https://img.test/cat.png) ![x](javascript:alert(1))')
    expect(container.querySelectorAll('img')).toHaveLength(0)
    expect(screen.getByRole('link', { name: '[image: cat]' })).toBeTruthy()
    expect(screen.getByText('[image: x]').tagName).toBe('SPAN')
  })

  it('safeUrl allows only http, https and mailto', () => {
    expect(safeUrl('https://a.b/c?d=1')).toBe('https://a.b/c?d=1')
    expect(safeUrl('mailto:x@y.z')).toBe('mailto:x@y.z')
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      '#top',
      'ftp://x',
    ]) {
      expect(safeUrl(bad)).toBe('')
    }
  })
})

describe('Markdown rendering', () => {
  it('highlights fenced code (the highlighter arrives on first use) with a copy button per block', async () => {
    const container = renderMarkdown('Text\n\n```rust\nfn main() {}\n```\n\n```\nplain\n```')
    expect(screen.getAllByRole('button', { name: 'Copy code' })).toHaveLength(2)
    await waitFor(() =>
      expect(container.querySelector('code.language-rust .hljs-keyword')?.textContent).toBe('fn'),
    )
  })

  it('renders GFM tables and task lists', () => {
    const container = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done')
    expect(container.querySelector('table td')?.textContent).toBe('1')
    expect(container.querySelector('input[type="checkbox"]')).not.toBeNull()
  })

  it('splits at blank lines but keeps a fence whole, even an unclosed one', () => {
    expect(splitMarkdownBlocks('a\n\nb\n\n\nc')).toEqual(['a', 'b', 'c'])
    expect(splitMarkdownBlocks('x\n\n```js\n1\n\n2\n```\n\ny')).toEqual([
      'x',
      '```js\n1\n\n2\n```',
      'y',
    ])
    expect(splitMarkdownBlocks('x\n\n~~~\nopen\n\nstill code')).toEqual([
      'x',
      '~~~\nopen\n\nstill code',
    ])
  })
})

describe('JSON mode answers', () => {
  it('pretty-prints valid JSON', () => {
    const { container } = render(
      <AnswerBody turn={{ content: '{"a":[1,2]}', status: 'done', jsonMode: true }} />,
    )
    expect(screen.getByText('Valid JSON')).toBeTruthy()
    expect(container.querySelector('pre')?.textContent).toContain('"a": [\n    1,')
  })

  it('flags invalid JSON with the parse error and shows the text as received, inert', () => {
    const text = '{"a": <img src=x onerror=alert(1)>'
    const { container } = render(
      <AnswerBody
        turn={{
          content: '',
          status: 'error',
          jsonMode: true,
          error: { code: 'invalid_json', message: 'not valid JSON', text },
        }}
      />,
    )
    expect(screen.getByText('Invalid JSON')).toBeTruthy()
    expect(screen.getByLabelText('Answer text as received').textContent).toBe(text)
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toMatch(/Unexpected token|JSON/)
  })
})
