// Model answers as Markdown: GFM, highlighted code with a copy button, no raw HTML, safe links only.
import type { ComponentProps, ReactNode } from 'react'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import ReactMarkdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { describeRenderError, ErrorBoundary } from '../../components/ErrorBoundary'
import { CopyButton } from '../../components/CopyButton'
import { useHighlightPlugins } from './code-highlighting'
import { splitMarkdownBlocks } from './markdown-blocks'
import './markdown.css'
import { isExternalHttpUrl, markdownRenderRisk, remarkHtmlAsText, safeUrl } from './markdown-safety'
import { PlainTextBlock } from './PlainTextBlock'

const remarkPlugins = [remarkGfm, remarkHtmlAsText]

function SafeLink({ href, children }: { href?: string; children?: ReactNode }) {
  if (!href) return <span className="md-inert-link">{children}</span>
  if (isExternalHttpUrl(href)) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
        {children}
      </a>
    )
  }
  return <a href={href}>{children}</a>
}

/** Images from a model are not fetched (privacy, CSP): shown as a link or as their alt text. */
function InertImage({ src, alt }: { src?: string | Blob; alt?: string }) {
  const label = `image: ${alt || 'untitled'}`
  if (typeof src === 'string' && isExternalHttpUrl(src)) {
    return <SafeLink href={src}>[{label}]</SafeLink>
  }
  return <span className="md-inert-link">[{label}]</span>
}

function CodeBlock({ children }: { children?: ReactNode }) {
  const pre = useRef<HTMLPreElement>(null)
  return (
    <div className="md-code">
      <CopyButton label="Copy code" text={() => pre.current?.textContent ?? ''} />
      <pre ref={pre}>{children}</pre>
    </div>
  )
}

const components: ComponentProps<typeof ReactMarkdown>['components'] = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  img: ({ src, alt }) => <InertImage src={src} alt={alt} />,
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
}

/**
 * One block: Markdown, or plain text when it is too deep or long for the parser (decided before
 * rendering) or when rendering it threw anyway. Either way the rest of the answer and the app stay.
 */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const risk = useMemo(() => markdownRenderRisk(text), [text])
  const rehypePlugins = useHighlightPlugins(text)
  // Its own box with content-visibility: blocks scrolled out of view skip layout and paint.
  return (
    <div className="md-block">
      {risk !== null ? (
        <PlainTextBlock text={text} reason={risk} />
      ) : (
        <ErrorBoundary
          what="This part of the answer"
          resetKey={text}
          fallback={(error) => (
            <PlainTextBlock
              text={text}
              reason={`it could not be rendered as Markdown (${describeRenderError(error)})`}
            />
          )}
        >
          <ReactMarkdown
            remarkPlugins={remarkPlugins}
            rehypePlugins={rehypePlugins}
            components={components}
            urlTransform={safeUrl}
          >
            {text}
          </ReactMarkdown>
        </ErrorBoundary>
      )}
    </div>
  )
})

export interface MarkdownProps {
  text: string
}

/** Blocks shown at once, then added per animation frame: a long saved answer opens without a freeze. */
const FIRST_BLOCKS = 40
const BLOCKS_PER_FRAME = 12

/** How many blocks to show: all of them soon, but never hundreds parsed in one frame. */
function useProgressiveCount(total: number): number {
  const [shown, setShown] = useState(FIRST_BLOCKS)
  useEffect(() => {
    if (shown >= total) return
    const frame = requestAnimationFrame(() => setShown((n) => n + BLOCKS_PER_FRAME))
    return () => cancelAnimationFrame(frame)
  }, [shown, total])
  return Math.min(shown, total)
}

/** Each block is memoised: while an answer streams, only the block being written is parsed again. */
export function Markdown({ text }: MarkdownProps) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text])
  const shown = useProgressiveCount(blocks.length)
  return (
    <div className="markdown" aria-busy={shown < blocks.length || undefined}>
      {blocks.slice(0, shown).map((block, index) => (
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  )
}
