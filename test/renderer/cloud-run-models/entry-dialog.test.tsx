// @vitest-environment jsdom
// The Add model dialog says nothing before anything is typed: a field's problem shows once the field
// is left, and all of them when Add model is pressed.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EntryDialog } from '../../../src/renderer/features/cloud-run-models/EntryDialog'

afterEach(cleanup)

function renderDialog() {
  const onSave = vi.fn()
  render(
    <EntryDialog
      types={['general']}
      existingIds={[]}
      error={null}
      busy={false}
      onSave={onSave}
      onCancel={() => undefined}
    />,
  )
  return onSave
}

describe('EntryDialog validation', () => {
  it('shows no error before anything is typed, then one per field left, then all on submit', () => {
    const onSave = renderDialog()
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.blur(screen.getByLabelText('ID'))
    expect(screen.getByRole('alert').textContent).toBe('Enter an ID.')
    fireEvent.click(screen.getByRole('button', { name: 'Add model' }))
    const text = screen.getByRole('alert').textContent ?? ''
    expect(text).toContain('Enter the Ollama name')
    expect(text).toContain('Enter the memory needed in GB')
    expect(onSave).not.toHaveBeenCalled()
  })

  it('saves once every field is valid', () => {
    const onSave = renderDialog()
    fireEvent.change(screen.getByLabelText('ID'), { target: { value: 'tiny' } })
    fireEvent.change(screen.getByLabelText('Ollama name'), { target: { value: 'qwen2.5:0.5b' } })
    fireEvent.change(screen.getByLabelText('Memory needed (GB)'), { target: { value: '1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add model' }))
    expect(onSave).toHaveBeenCalledWith({
      tier: 'good_fit',
      entry: { id: 'tiny', ollama_name: 'qwen2.5:0.5b', type: 'general', est_memory_needed_gb: 1 },
    })
  })
})
