// An ordered list people can reorder by dragging or with Move up / Move down buttons (keyboard).
import type { DragEvent, ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import './controls.css'
import './panels.css'

export interface ReorderableItem {
  id: string
  label: string
  /** Extra text after the label, e.g. "no handler in this app". */
  note?: ReactNode
}

export interface ReorderableListProps {
  /** The list's accessible name, e.g. "Default provider order". */
  label: string
  items: readonly ReorderableItem[]
  onReorder: (ids: string[]) => void
  /** Offers a Remove button per row when given. */
  onRemove?: (id: string) => void
  disabled?: boolean
}

function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

export function ReorderableList(props: ReorderableListProps) {
  const { label, items, onReorder, onRemove, disabled = false } = props
  const [dragging, setDragging] = useState<number | null>(null)
  const [over, setOver] = useState<number | null>(null)
  /** The item whose Move button was pressed: it keeps the focus wherever it lands. */
  const [following, setFollowing] = useState<{ label: string; up: boolean } | null>(null)
  /** The order before the last Remove, for Undo. */
  const [undo, setUndo] = useState<{ label: string; ids: string[] } | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const ids = items.map((item) => item.id)

  useEffect(() => {
    if (!following || !list.current) return
    const button = (up: boolean) =>
      [...list.current!.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === `Move ${following.label} ${up ? 'up' : 'down'}`,
      )
    // At the top (or bottom) the pressed button is disabled: the other one takes the focus.
    const target = button(following.up)
    ;(target && !target.disabled ? target : button(!following.up))?.focus()
  }, [items, following])

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return
    const item = items[from]
    if (item) setFollowing({ label: item.label, up: to < from })
    onReorder(moved(ids, from, to))
  }
  const remove = (item: ReorderableItem) => {
    setUndo({ label: item.label, ids })
    onRemove?.(item.id)
  }
  const undoNotice = undo && (
    <p className="reorder-undo" role="status">
      Removed {undo.label}.{' '}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onReorder(undo.ids)
          setUndo(null)
        }}
      >
        Undo
      </button>
    </p>
  )
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault()
    if (dragging !== null) move(dragging, index)
    setDragging(null)
    setOver(null)
  }

  if (items.length === 0) {
    return (
      <>
        <p className="muted">Empty.</p>
        {undoNotice}
      </>
    )
  }
  return (
    <>
      <ol className="reorder-list" aria-label={label} ref={list}>
        {items.map((item, index) => (
          <li
            key={item.id}
            className={`reorder-item${over === index ? ' reorder-over' : ''}`}
            draggable={!disabled}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move'
              event.dataTransfer.setData('text/plain', item.id)
              setDragging(index)
            }}
            onDragOver={(event) => {
              event.preventDefault()
              setOver(index)
            }}
            onDragLeave={() => setOver((current) => (current === index ? null : current))}
            onDragEnd={() => {
              setDragging(null)
              setOver(null)
            }}
            onDrop={(event) => onDrop(event, index)}
          >
            <span className="reorder-handle" aria-hidden="true">
              ⠿
            </span>
            <span className="reorder-position">{index + 1}.</span>
            <span className="reorder-label">{item.label}</span>
            {item.note !== undefined && <span className="reorder-note">{item.note}</span>}
            <span className="reorder-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={`Move ${item.label} up`}
                disabled={disabled || index === 0}
                onClick={() => move(index, index - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={`Move ${item.label} down`}
                disabled={disabled || index === items.length - 1}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </button>
              {onRemove && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Remove ${item.label}`}
                  disabled={disabled}
                  onClick={() => remove(item)}
                >
                  ✕
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      {undoNotice}
    </>
  )
}
