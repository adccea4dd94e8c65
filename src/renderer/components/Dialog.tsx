// The one modal shell: backdrop, labelled (alert)dialog, Esc cancels, Tab stays inside, focus returns.
import type { KeyboardEvent, ReactNode, RefObject } from 'react'
import { useEffect, useId } from 'react'
import './controls.css'

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href]'

export interface DialogProps {
  title: string
  /** `alertdialog` for confirmations that interrupt; `dialog` for forms. */
  role?: 'dialog' | 'alertdialog'
  className?: string
  /** The element that describes the dialog (ConfirmDialog's body). */
  describedBy?: string
  /** Where focus starts; focus goes back to where it was when the dialog closes. */
  initialFocus: RefObject<HTMLElement | null>
  onCancel: () => void
  children: ReactNode
}

function keepFocusInside(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Tab') return
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const first = focusable[0]
  const last = focusable.at(-1)
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}

export function Dialog(props: DialogProps) {
  const { title, role = 'dialog', className, describedBy, initialFocus, onCancel, children } = props
  const titleId = useId()

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    initialFocus.current?.focus()
    return () => previous?.focus()
    // Focus moves once, when the dialog opens.
  }, [])

  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onCancel()
          } else keepFocusInside(event)
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}
