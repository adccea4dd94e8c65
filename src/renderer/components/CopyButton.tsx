// A copy-to-clipboard button that says "Copied" for a moment (and why it failed, if it did).
import { useEffect, useRef, useState } from 'react'

export interface CopyButtonProps {
  /** The accessible name, e.g. "Copy code", "Copy answer". */
  label: string
  /** Read when clicked, so a streaming answer copies what is there now. */
  text: () => string
  className?: string
}

export function CopyButton({ label, text, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text())
      setState('copied')
    } catch {
      setState('failed')
    }
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setState('idle'), 1500)
  }
  return (
    <button
      type="button"
      className={`button button-small ${className ?? 'copy-button'}`}
      aria-label={label}
      title={state === 'failed' ? 'The clipboard is not available here' : label}
      onClick={() => void copy()}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  )
}
