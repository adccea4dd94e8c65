// @vitest-environment jsdom
// Reorder lists keep the focus on the moved item (a second Enter moves it again), and Remove offers Undo.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { ReorderableList } from '../../src/renderer/components/ReorderableList'

afterEach(cleanup)

function Harness() {
  const [ids, setIds] = useState(['a', 'b', 'c'])
  return (
    <ReorderableList
      label="Order"
      items={ids.map((id) => ({ id, label: id }))}
      onReorder={setIds}
      onRemove={(id) => setIds((now) => now.filter((x) => x !== id))}
    />
  )
}

const order = () =>
  screen.getAllByRole('listitem').map((li) => li.querySelector('.reorder-label')?.textContent)

describe('ReorderableList', () => {
  it('keeps the focus on the moved item, and hands it to the other button at the top', () => {
    render(<Harness />)
    const up = screen.getByRole('button', { name: 'Move c up' })
    up.focus()
    fireEvent.click(up)
    expect(order()).toEqual(['a', 'c', 'b'])
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move c up' }))
    fireEvent.click(document.activeElement!)
    expect(order()).toEqual(['c', 'a', 'b'])
    // Move up is disabled at the top now: Move down has the focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move c down' }))
  })

  it('offers Undo after a Remove, which puts the entry back where it was', () => {
    render(<Harness />)
    fireEvent.click(screen.getByRole('button', { name: 'Remove b' }))
    expect(order()).toEqual(['a', 'c'])
    expect(screen.getByRole('status').textContent).toContain('Removed b.')
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(order()).toEqual(['a', 'b', 'c'])
    expect(screen.queryByRole('status')).toBeNull()
  })
})
