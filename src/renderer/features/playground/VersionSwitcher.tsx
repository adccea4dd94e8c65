// "‹ 1/2 ›" under an answer with several versions: switch which one is shown (and sent later).
import type { KeyboardEvent } from 'react'

export interface VersionSwitcherProps {
  /** 0-based. */
  index: number
  count: number
  /** While an answer streams the versions stay as they are. */
  disabled: boolean
  onShow: (index: number) => void
}

export function VersionSwitcher({ index, count, disabled, onShow }: VersionSwitcherProps) {
  if (count < 2) return null
  const go = (to: number) => {
    if (!disabled && to >= 0 && to < count && to !== index) onShow(to)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const to = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: count - 1 }[event.key]
    if (to === undefined) return
    event.preventDefault()
    go(to)
  }
  // aria-disabled, not disabled: the button keeps focus at either end, so the keys go on working.
  const atStart = disabled || index === 0
  const atEnd = disabled || index === count - 1
  return (
    <div
      className="version-switcher"
      role="group"
      aria-label={`Answer version ${index + 1} of ${count}`}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="button button-small version-step"
        aria-label="Previous version"
        title="Previous version (←)"
        aria-disabled={atStart}
        onClick={() => go(index - 1)}
      >
        ‹
      </button>
      <span className="version-count">
        {index + 1}/{count}
      </span>
      <button
        type="button"
        className="button button-small version-step"
        aria-label="Next version"
        title="Next version (→)"
        aria-disabled={atEnd}
        onClick={() => go(index + 1)}
      >
        ›
      </button>
    </div>
  )
}
