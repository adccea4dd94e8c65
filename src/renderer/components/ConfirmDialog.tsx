// A modal confirmation for destructive actions: focus starts on Cancel, Esc cancels, Tab stays inside.
import type { ReactNode } from 'react'
import { useId, useRef } from 'react'
import { Dialog } from './Dialog'

export interface ConfirmDialogProps {
  title: string
  children: ReactNode
  /** The confirming button's name, e.g. "Delete" (the other one is always "Cancel"). */
  confirmLabel: string
  tone?: 'danger' | 'default'
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, tone = 'default', onConfirm, onCancel } = props
  const bodyId = useId()
  // Starting on Cancel means a stray Enter never destroys anything.
  const cancelRef = useRef<HTMLButtonElement>(null)

  return (
    <Dialog
      title={title}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      onCancel={onCancel}
    >
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
