// @vitest-environment jsdom
// Presets in the Playground: save the current system prompt + parameters under a name, pick one
// (its settings apply, blanks included), rename, delete only after confirming; refusals said inline.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChatSettings } from '../../../src/shared/chat'
import type { Preset } from '../../../src/shared/presets'
import { sameName } from '../../../src/shared/presets'
import { PresetsPanel } from '../../../src/renderer/features/playground/PresetsPanel'
import { usePresetsStore } from '../../../src/renderer/features/playground/presets-store'
import { AppError } from '../../../src/renderer/platform/app-api'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'

let api: FakeAppApi
let presets: Preset[]
const SETTINGS: ChatSettings = {
  provider: 'mock',
  model: 'mock-model',
  system: 'You are terse.',
  temperature: 0.3,
  jsonMode: true,
}
const at = '2026-01-01T00:00:00.000Z'

beforeEach(() => {
  presets = [
    {
      id: 'p-rust',
      name: 'Rust tutor',
      settings: { system: 'Teach Rust.', maxTokens: 400, jsonMode: false },
      createdAt: at,
      updatedAt: at,
    },
  ]
  api = createFakeAppApi({
    'presets:list': () => Promise.resolve([...presets]),
    'presets:save': ({ id, name, settings }) => {
      if (presets.some((p) => p.id !== id && sameName(p.name, name))) {
        return Promise.reject(new AppError({ code: 'conflict', message: `"${name}" exists` }))
      }
      const preset = {
        id: id ?? `p-${presets.length}`,
        name,
        settings,
        createdAt: at,
        updatedAt: at,
      }
      presets = [...presets.filter((p) => p.id !== preset.id), preset]
      return Promise.resolve(preset)
    },
    'presets:rename': ({ id, name }) => {
      presets = presets.map((p) => (p.id === id ? { ...p, name } : p))
      return Promise.resolve(presets.find((p) => p.id === id)!)
    },
    'presets:delete': ({ id }) => {
      presets = presets.filter((p) => p.id !== id)
      return Promise.resolve({ deleted: true })
    },
  })
  setAppApi(api)
  usePresetsStore.setState(usePresetsStore.getInitialState(), true)
})
afterEach(cleanup)

async function renderPanel(onChange = vi.fn()) {
  render(<PresetsPanel settings={SETTINGS} disabled={false} onChange={onChange} />)
  await screen.findByRole('option', { name: 'Rust tutor' })
  return onChange
}

describe('PresetsPanel', () => {
  it('saves the current system prompt and parameters under a name, and picks it', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Save as preset…' }))
    const name = screen.getByRole('textbox', { name: 'New preset name' })
    expect(document.activeElement).toBe(name)
    fireEvent.change(name, { target: { value: 'Terse JSON' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }))
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Preset' }).value).toBe('p-1'),
    )
    const call = api.calls.find((c) => c.channel === 'presets:save')
    expect(call?.input).toEqual({
      name: 'Terse JSON',
      settings: { system: 'You are terse.', temperature: 0.3, jsonMode: true },
    })
    await waitFor(() =>
      expect(screen.queryByRole('textbox', { name: 'New preset name' })).toBeNull(),
    )
  })

  it('picking a preset applies all it holds, blanks back to the default', async () => {
    const onChange = await renderPanel()
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset' }), {
      target: { value: 'p-rust' },
    })
    expect(onChange).toHaveBeenCalledWith({
      system: 'Teach Rust.',
      jsonMode: false,
      maxTokens: 400,
      temperature: undefined,
    })
    // The panel's settings (not re-rendered with the preset's) now differ: Update is offered.
    expect(screen.getByRole('button', { name: 'Update preset' })).toBeTruthy()
  })

  it('a taken name is refused inline and the form stays; Esc leaves it', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Save as preset…' }))
    const name = screen.getByRole('textbox', { name: 'New preset name' })
    fireEvent.change(name, { target: { value: 'rust tutor' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be saved.*exists/)
    fireEvent.keyDown(name, { key: 'Escape' })
    expect(screen.queryByRole('textbox', { name: 'New preset name' })).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('renames the picked preset, and deletes it only after confirming', async () => {
    await renderPanel()
    fireEvent.change(screen.getByRole('combobox', { name: 'Preset' }), {
      target: { value: 'p-rust' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Rename preset…' }))
    const name = screen.getByRole<HTMLInputElement>('textbox', { name: 'New name' })
    expect(name.value).toBe('Rust tutor')
    fireEvent.change(name, { target: { value: 'Rust mentor' } })
    fireEvent.click(screen.getByRole('button', { name: 'Rename preset' }))
    await screen.findByRole('option', { name: 'Rust mentor' })
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'New name' })).toBeNull())

    fireEvent.click(screen.getByRole('button', { name: 'Delete preset…' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the preset “Rust mentor”?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(presets).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: 'Delete preset…' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    await screen.findByRole('option', { name: 'No presets yet' })
    expect(presets).toEqual([])
  })
})
