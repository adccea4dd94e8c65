// The searchable provider list: status at a glance, Up/Down/Home/End to move, Enter or click selects.
import type { KeyboardEvent } from 'react'
import { useId, useRef, useState } from 'react'
import type { ProviderCard } from '../../../shared/studio-config'
import type { TestState } from './providers-store'

export interface ProviderListProps {
  providers: ProviderCard[]
  selected: string
  defaultProvider: string
  tests: Partial<Record<string, TestState>>
  onSelect: (provider: string) => void
}

/** One word and a tone for the row: the last connection test wins over the configured status. */
export function providerStatus(
  card: ProviderCard,
  test: TestState | undefined,
): { label: string; tone: 'ok' | 'warn' | 'error' | 'muted' } {
  if (test?.state === 'done') {
    return test.result.ok ? { label: 'reachable', tone: 'ok' } : { label: 'error', tone: 'error' }
  }
  if (card.status === 'key-missing') return { label: 'key missing', tone: 'warn' }
  if (card.status === 'unavailable') return { label: 'unavailable', tone: 'error' }
  return { label: 'configured', tone: 'muted' }
}

function matches(card: ProviderCard, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (q === '') return true
  return [card.provider, card.displayName, card.protocol, card.view.baseUrl ?? ''].some((text) =>
    text.toLowerCase().includes(q),
  )
}

export function ProviderList(props: ProviderListProps) {
  const { providers, selected, defaultProvider, tests, onSelect } = props
  const [query, setQuery] = useState('')
  const listRef = useRef<HTMLUListElement>(null)
  const listId = useId()
  const shown = providers.filter((card) => matches(card, query))

  const focusRow = (provider: string) => {
    onSelect(provider)
    // The row re-renders selected; move focus there so arrows keep working.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-provider="${provider}"]`)?.focus(),
    )
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (shown.length === 0) return
    const at = Math.max(
      0,
      shown.findIndex((card) => card.provider === selected),
    )
    const next = {
      ArrowDown: Math.min(at + 1, shown.length - 1),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: shown.length - 1,
    }[event.key]
    if (next === undefined) return
    event.preventDefault()
    focusRow(shown[next]!.provider)
  }

  return (
    <nav className="panel provider-list" aria-label="Providers">
      <input
        aria-label="Search providers"
        className="input"
        type="search"
        placeholder={`Search ${providers.length} providers`}
        value={query}
        aria-controls={listId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown[0]) {
            e.preventDefault()
            focusRow(shown[0].provider)
          } else if (e.key === 'Enter' && shown[0]) {
            onSelect(shown[0].provider)
          }
        }}
      />
      {shown.length === 0 ? (
        <p className="muted provider-list-empty">No provider matches “{query}”.</p>
      ) : (
        <ul
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label="Provider list"
          onKeyDown={onKeyDown}
        >
          {shown.map((card) => {
            const status = providerStatus(card, tests[card.provider])
            const isSelected = card.provider === selected
            return (
              <li
                key={card.provider}
                role="option"
                // The name alone (exact matches, screen readers); the row's text still shows status.
                aria-label={card.displayName}
                title={`${card.displayName}: ${status.label}`}
                aria-selected={isSelected}
                data-provider={card.provider}
                tabIndex={isSelected ? 0 : -1}
                className="provider-row"
                onClick={() => onSelect(card.provider)}
              >
                <span className="provider-row-name">
                  {card.displayName}
                  {card.provider === defaultProvider && (
                    <span className="chip chip-accent">default</span>
                  )}
                  {card.origin === 'custom' && <span className="chip">custom</span>}
                </span>
                <span className="provider-row-meta">
                  <span className={`status-dot status-${status.tone}`} aria-hidden="true" />
                  {status.label}
                  {card.mindx?.enabled === false && ' · disabled in mindX'}
                  {card.mindx?.enabled === true && ' · enabled in mindX'}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </nav>
  )
}
