// A screen that is not built yet says so: its heading and one honest line.
import type { ReactNode } from 'react'

export interface ScreenPlaceholderProps {
  title: string
  children: ReactNode
}

export function ScreenPlaceholder({ title, children }: ScreenPlaceholderProps) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        {/* tabIndex -1: keyboard shortcuts move focus here so screen readers announce the screen. */}
        <h1 id="screen-title" tabIndex={-1}>
          {title}
        </h1>
      </header>
      <p className="screen-placeholder">{children}</p>
    </section>
  )
}
