// The sidebar: app mark and one nav item per screen (arrow keys move between items).
import type { KeyboardEvent } from 'react'
import { useNavigationStore } from '../stores/navigation-store'
import { AppMark } from './icons'
import { ariaShortcut, isMacPlatform, shortcutHint } from './keyboard'
import { SCREENS } from './screens'

const NEXT_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
}

function moveFocus(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
  const next = NEXT_KEYS[event.key]
  if (!next) return
  event.preventDefault()
  const items = event.currentTarget.closest('nav')?.querySelectorAll<HTMLButtonElement>('button')
  if (items) items[next(index, items.length)]?.focus()
}

export function Sidebar() {
  const screen = useNavigationStore((state) => state.screen)
  const go = useNavigationStore((state) => state.go)
  const mac = isMacPlatform()
  return (
    <aside className="sidebar">
      <div className="brand">
        <AppMark />
        <div className="brand-text">
          <span className="brand-name">mindX</span>
          <span className="brand-sub">LLM Factory Studio</span>
        </div>
      </div>
      <nav aria-label="Screens">
        <ul className="nav-list">
          {SCREENS.map(({ id, label, Icon }, index) => (
            <li key={id}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === id ? 'page' : undefined}
                aria-keyshortcuts={ariaShortcut(index, mac)}
                onClick={() => go(id)}
                onKeyDown={(event) => moveFocus(event, index)}
              >
                <Icon />
                <span className="nav-label">{label}</span>
                <kbd className="nav-shortcut" aria-hidden="true">
                  {shortcutHint(index, mac)}
                </kbd>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  )
}
