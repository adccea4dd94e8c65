// A screen in its own chunk: fetched when first shown or preloaded at idle, then rendered at once.
import { createElement, lazy } from 'react'
import type { ComponentType } from 'react'

export interface LazyScreen {
  (): ReturnType<typeof createElement>
  /** Fetches the screen's chunk; later renders are synchronous (no loading state, no flash). */
  preload: () => Promise<void>
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Like React.lazy, plus `preload`. A chunk that cannot be fetched is most often one a rebuild
 * replaced while the page was open: the error (shown by the screen's error boundary) says to reload.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loaded: ComponentType | null = null
  let pending: Promise<void> | null = null
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (component) => {
        loaded = component
      },
      (error: unknown) => {
        pending = null // a later preload or first visit tries again
        throw new Error(
          `its code could not be loaded (${describe(error)}); reload the page — the app may have been rebuilt since it was opened`,
        )
      },
    ))
  const Deferred = lazy(() => preload().then(() => ({ default: loaded! })))
  const Screen = () => createElement(loaded ?? Deferred)
  return Object.assign(Screen, { preload })
}
