// @vitest-environment jsdom
// Answers the Markdown renderer cannot take (too deep, too long, or throwing) become plain text.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import type * as ReactMarkdownModule from 'react-markdown'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Markdown } from '../../../src/renderer/features/playground/Markdown'
import {
  MAX_MARKDOWN_LINE_CHARS,
  markdownRenderRisk,
} from '../../../src/renderer/features/playground/markdown-safety'
import { PlainTextBoundary } from '../../../src/renderer/features/playground/PlainTextBlock'

// react-markdown as it is, except that a block containing BOOM throws while rendering: what a
// parser bug the pre-check does not foresee would do.
vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof ReactMarkdownModule>()
  const Real = actual.default
  return {
    ...actual,
    default: (props: Parameters<typeof Real>[0]) => {
      if (typeof props.children === 'string' && props.children.includes('BOOM')) {
        throw new RangeError('Maximum call stack size exceeded')
      }
      return Real(props)
    },
  }
})

afterEach(cleanup)

const deepList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')

const HOSTILE: Record<string, string> = {
  '3000 nested quotes': `${'>'.repeat(3000)} deep`,
  '3000 nested quotes with spaces': `${'> '.repeat(3000)}deep`,
  '3000 nested emphasis': `${'*'.repeat(3000)}x${'*'.repeat(3000)}`,
  '3000 nested underscores': `${'_'.repeat(3000)}x${'_'.repeat(3000)}`,
  'emphasis opened word by word': `${Array.from({ length: 3000 }, (_, i) => `*w${i}`).join(' ')} end`,
  '300-level indented list': deepList(300),
  '1000 list markers on one line': `${'- '.repeat(1000)}x`,
  '3000 nested link brackets': `${'['.repeat(3000)}x${']'.repeat(3000)}(https://a.test)`,
  'a 2 MB single line': 'word '.repeat(400_000),
  'a 150 kB block of short lines': 'short line\n'.repeat(15_000),
}

describe('markdownRenderRisk (the pre-check before react-markdown)', () => {
  it.each(Object.entries(HOSTILE))('refuses %s, saying why', (_, text) => {
    expect(markdownRenderRisk(text)).toMatch(/characters|levels deep/)
  })

  it('passes ordinary answers: lists, quotes, emphasis, code, snake_case, long fenced code', () => {
    const ordinary = [
      deepList(8),
      '> quoted\n> > nested once\n> > > and twice',
      'Use **bold**, *em*, ***both***, `a*b*c`, snake_case_name, __init__ and 2*3*4 = 24.',
      `${'**item** and '.repeat(200)}done`,
      '[a link](https://example.com) and [[wiki]] and ![img](https://x.test/a.png)',
      `\`\`\`json\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}"k": [`).join('\n')}\n\`\`\``,
      `\`\`\`\n${'>'.repeat(5000)}\n\`\`\``,
      `${'`'.repeat(1)} lone backticks ${'` '.repeat(5000)}`,
      '***\n\n---\n\n___',
    ]
    for (const text of ordinary) expect(markdownRenderRisk(text)).toBeNull()
  })

  it('measures line length against the limit exactly', () => {
    expect(markdownRenderRisk('a'.repeat(MAX_MARKDOWN_LINE_CHARS))).toBeNull()
    expect(markdownRenderRisk('a'.repeat(MAX_MARKDOWN_LINE_CHARS + 1))).toBe(
      'one line is 20,001 characters long',
    )
  })
})

describe('Markdown with hostile blocks', () => {
  it('shows a too-deep block as plain text with a notice, and the other blocks as Markdown', () => {
    const { container } = render(
      <Markdown text={`**before**\n\n${'>'.repeat(3000)} deep\n\nafter with \`code\``} />,
    )
    expect(container.querySelector('strong')?.textContent).toBe('before')
    expect(container.querySelector('code')?.textContent).toBe('code')
    expect(screen.getByRole('note').textContent).toBe(
      'Shown as plain text: it nests 3000 levels deep.',
    )
    expect(container.querySelectorAll('blockquote')).toHaveLength(0)
    expect(container.textContent).toContain(`${'>'.repeat(3000)} deep`)
  })

  it('shows the start of a multi-megabyte line, and all of it when asked', () => {
    const text = `${'x'.repeat(2_000_000)}END`
    const { container } = render(<Markdown text={text} />)
    expect(screen.getByRole('note').textContent).toBe(
      'Shown as plain text: it is 2,000,003 characters without a blank line.',
    )
    expect(container.textContent).not.toContain('END')
    fireEvent.click(screen.getByRole('button', { name: 'Show all 2,000,003 characters' }))
    expect(container.textContent).toContain('xEND')
  })

  it('falls back to plain text when rendering a block throws, keeping the rest', () => {
    const { container } = render(<Markdown text={'*fine*\n\nthis BOOM block\n\n**also fine**'} />)
    expect(screen.getByRole('note').textContent).toBe(
      'Shown as plain text: it could not be rendered as Markdown (RangeError: Maximum call stack size exceeded).',
    )
    expect(container.textContent).toContain('this BOOM block')
    expect(container.querySelector('em')?.textContent).toBe('fine')
    expect(container.querySelector('strong')?.textContent).toBe('also fine')
  })
})

function Throws({ what }: { what: string }): ReactNode {
  throw new TypeError(`cannot render ${what}`)
}

describe('PlainTextBoundary (around each message)', () => {
  it('shows the message text as it is when the message view throws; siblings stay', () => {
    render(
      <div>
        <PlainTextBoundary what="This answer" text="the answer's own words">
          <Throws what="turn" />
        </PlainTextBoundary>
        <PlainTextBoundary what="This answer" text="a fine one">
          <p>rendered fine</p>
        </PlainTextBoundary>
      </div>,
    )
    expect(screen.getByRole('group', { name: 'This answer' }).textContent).toContain(
      "the answer's own words",
    )
    expect(screen.getByRole('note').textContent).toBe(
      'Shown as plain text: this answer could not be rendered (TypeError: cannot render turn).',
    )
    expect(screen.getByText('rendered fine')).toBeTruthy()
  })
})
