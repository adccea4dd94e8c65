// highlight.js (through rehype-highlight) in its own chunk, fetched the first time an answer has a
// fenced code block that names a language; until then such code shows as plain monospace text.
import type { ComponentProps } from 'react'
import { useEffect, useSyncExternalStore } from 'react'
import type ReactMarkdown from 'react-markdown'

type RehypePlugins = NonNullable<ComponentProps<typeof ReactMarkdown>['rehypePlugins']>

const NONE: RehypePlugins = []
let plugins: RehypePlugins = NONE
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

/** A fence (``` or ~~~) followed by a language name: the only code highlighted (detect is off). */
const FENCE_WITH_LANGUAGE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*[^\s`~]/m

export function needsHighlighting(markdown: string): boolean {
  return FENCE_WITH_LANGUAGE.test(markdown)
}

/** Fetches the highlighter once; a failed fetch leaves code plain and is tried again next time. */
export function loadHighlighting(): Promise<void> {
  loading ??= import('rehype-highlight').then(
    (module) => {
      // detect: false — only fenced code with a language is highlighted; guessing costs time per block.
      plugins = [[module.default, { detect: false }]]
      for (const listener of listeners) listener()
    },
    () => {
      loading = null
    },
  )
  return loading
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The rehype plugins for `markdown`: highlighting once loaded, loading it when the text needs it. */
export function useHighlightPlugins(markdown: string): RehypePlugins {
  const needed = needsHighlighting(markdown)
  // Blocks without such code keep NONE, so the highlighter's arrival re-renders only the ones with it.
  const current = useSyncExternalStore(subscribe, () => (needed ? plugins : NONE))
  useEffect(() => {
    if (needed) void loadHighlighting()
  }, [needed])
  return current
}
