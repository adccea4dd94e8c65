// The search box over saved conversations: Ctrl/Cmd+K or / puts the cursor in it, Esc empties it.
import type { RefObject } from 'react'
import { useEffect, useRef } from 'react'
import { isMacPlatform } from '../../shell/keyboard'
import { useConversationSearchStore } from './conversation-search-store'

/** Typing somewhere already: "/" is a character there, not a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/** Ctrl+K (Cmd+K on macOS) anywhere, or / outside a text field, focuses the search box. */
function useSearchShortcut(box: RefObject<HTMLInputElement | null>, mac: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return
      const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
      const commandK = modifier && !event.shiftKey && event.key.toLowerCase() === 'k'
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target)
      // A dialog is open: the page behind it keeps still.
      if (!(commandK || slash) || document.querySelector('[role="alertdialog"],[role="dialog"]'))
        return
      event.preventDefault()
      box.current?.focus()
      box.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [box, mac])
}

export function ConversationSearch() {
  const query = useConversationSearchStore((s) => s.query)
  const setQuery = useConversationSearchStore((s) => s.setQuery)
  const clear = useConversationSearchStore((s) => s.clear)
  const box = useRef<HTMLInputElement>(null)
  const mac = isMacPlatform()
  useSearchShortcut(box, mac)

  return (
    <div className="conversation-search" role="search">
      <input
        ref={box}
        type="search"
        className="input"
        aria-label="Search conversations"
        aria-keyshortcuts={mac ? 'Meta+K /' : 'Control+K /'}
        placeholder={`Search conversations (${mac ? '⌘K' : 'Ctrl K'})`}
        value={query}
        maxLength={500}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || query === '') return
          // Handled here: Esc on the Playground also stops a stream, not wanted for this Esc.
          event.preventDefault()
          clear()
        }}
      />
      {query !== '' && (
        <button
          type="button"
          className="icon-button conversation-search-clear"
          aria-label="Clear search"
          title="Clear search (Esc)"
          onClick={() => {
            clear()
            box.current?.focus()
          }}
        >
          ×
        </button>
      )}
    </div>
  )
}
