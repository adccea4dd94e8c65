// Text that is not rendered as Markdown (too deep, too long, or its render failed): shown as it is.
import type { ReactNode } from 'react'
import { useState } from 'react'
import { describeRenderError, ErrorBoundary } from '../../components/ErrorBoundary'

/** Laying out hundreds of kB of text at once costs seconds: longer text shows its start until asked. */
const SHOWN_CHARS = 20_000

export interface PlainTextBlockProps {
  text: string
  /** Why this is plain text, completing "Shown as plain text: …". */
  reason: string
}

export function PlainTextBlock({ text, reason }: PlainTextBlockProps) {
  const [expanded, setExpanded] = useState(false)
  const long = text.length > SHOWN_CHARS
  return (
    <div className="md-plain">
      <p className="notice notice-warn md-plain-notice" role="note">
        Shown as plain text: {reason}.
      </p>
      <div className="md-plain-text">
        {long && !expanded ? `${text.slice(0, SHOWN_CHARS)}…` : text}
      </div>
      {long && (
        <button
          type="button"
          className="button button-small"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? 'Show less' : `Show all ${text.length.toLocaleString('en-US')} characters`}
        </button>
      )}
    </div>
  )
}

export interface PlainTextBoundaryProps {
  /** What fails, for the notice: "This answer", "This prompt". */
  what: string
  /** The text to show instead when rendering the children throws. */
  text: string
  children: ReactNode
}

/** Around one message: if it cannot be rendered, its text is shown as it is and the rest stays. */
export function PlainTextBoundary({ what, text, children }: PlainTextBoundaryProps) {
  return (
    <ErrorBoundary
      what={what}
      resetKey={text}
      fallback={(error) => (
        <div className="turn" role="group" aria-label={what}>
          <PlainTextBlock
            text={text}
            reason={`${what.toLowerCase()} could not be rendered (${describeRenderError(error)})`}
          />
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  )
}
