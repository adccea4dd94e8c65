// @vitest-environment jsdom
// Playground controls: settings out of range are explained inline and hold Send back; editing a
// prompt starts at its end and Esc leaves the edit; clearing or deleting a conversation asks first.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatView } from '../../../src/renderer/features/playground/ChatView'
import { ConversationsPanel } from '../../../src/renderer/features/playground/ConversationsPanel'
import { usePlaygroundStore } from '../../../src/renderer/features/playground/playground-store'
import { SettingsPanel } from '../../../src/renderer/features/playground/SettingsPanel'
import { UserTurnView } from '../../../src/renderer/features/playground/TurnView'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'

let api: FakeAppApi
const SETTINGS = { provider: 'mock' as const, model: 'mock-model', system: '', jsonMode: false }

beforeEach(() => {
  api = createFakeAppApi({
    'chat:list': () =>
      Promise.resolve([{ id: 'c-saved', title: 'Old chat', updatedAt: 'x', turnCount: 2 }]),
    'chat:delete': () => Promise.resolve({ deleted: true }),
  })
  setAppApi(api)
  usePlaygroundStore.setState(usePlaygroundStore.getInitialState(), true)
  usePlaygroundStore.setState({ settings: SETTINGS, draft: 'hello' })
})
afterEach(cleanup)

describe('settings out of range', () => {
  it('explains the range next to the fields and disables Send', () => {
    const settings = { ...SETTINGS, temperature: 5, maxTokens: 0 }
    usePlaygroundStore.setState({ settings })
    render(
      <>
        <SettingsPanel settings={settings} disabled={false} onChange={() => undefined} />
        <ChatView />
      </>,
    )
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts[0]).toContain('Temperature goes from 0 to 2')
    expect(alerts[1]).toContain('Max tokens is a whole number')
    expect(
      screen.getByRole('spinbutton', { name: 'Temperature' }).getAttribute('aria-invalid'),
    ).toBe('true')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true)
  })
})

describe('editing a sent prompt', () => {
  it('puts the cursor at the end, and Esc cancels the edit', () => {
    const onResend = vi.fn()
    const turn = { id: 'u-1', role: 'user' as const, content: 'first prompt', createdAt: 'x' }
    render(<UserTurnView turn={turn} busy={false} onResend={onResend} />)
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }))
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edited prompt' })
    expect(document.activeElement).toBe(box)
    expect([box.selectionStart, box.selectionEnd]).toEqual([12, 12])
    fireEvent.keyDown(box, { key: 'Escape' })
    expect(screen.queryByRole('textbox', { name: 'Edited prompt' })).toBeNull()
    expect(onResend).not.toHaveBeenCalled()
  })
})

describe('clearing and deleting conversations', () => {
  it('× on a saved conversation deletes only after confirming', async () => {
    await act(() => usePlaygroundStore.getState().refreshSaved())
    render(<ConversationsPanel />)
    fireEvent.click(screen.getByRole('button', { name: 'Delete conversation Old chat' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Old chat”?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.calls.some((c) => c.channel === 'chat:delete')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Delete conversation Old chat' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
      await Promise.resolve()
    })
    expect(api.calls.find((c) => c.channel === 'chat:delete')?.input).toEqual({ id: 'c-saved' })
  })

  it('Clear conversation asks first', () => {
    usePlaygroundStore.setState((s) => ({
      conversation: {
        ...s.conversation,
        turns: [{ id: 'u-1', role: 'user', content: 'hi', createdAt: 'x' }],
      },
    }))
    render(<ConversationsPanel />)
    fireEvent.click(screen.getByRole('button', { name: 'Clear conversation' }))
    expect(screen.getByRole('alertdialog', { name: 'Clear this conversation?' })).toBeTruthy()
    expect(usePlaygroundStore.getState().conversation.turns).toHaveLength(1)
  })
})
