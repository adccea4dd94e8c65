// @vitest-environment jsdom
// Providers and Config screens on the fake AppApi: key entry, test results, disk conflicts, leave guard.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigScreen } from '../../src/renderer/features/config/ConfigScreen'
import { useConfigStore } from '../../src/renderer/features/config/config-store'
import { ProvidersScreen } from '../../src/renderer/features/providers/ProvidersScreen'
import { useProvidersStore } from '../../src/renderer/features/providers/providers-store'
import { AppError } from '../../src/renderer/platform/app-api'
import { setAppApi } from '../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../src/renderer/platform/fake-api'
import { fakeProvidersOverview } from '../../src/renderer/platform/fake-studio'
import { useNavigationStore } from '../../src/renderer/stores/navigation-store'

let api: FakeAppApi
const TEXT = '{\n  "groq_settings_for_factory": {}\n}\n'

beforeEach(() => {
  useProvidersStore.setState(useProvidersStore.getInitialState(), true)
  useConfigStore.setState(useConfigStore.getInitialState(), true)
  useNavigationStore.setState(useNavigationStore.getInitialState(), true)
})
afterEach(cleanup)

describe('Providers screen', () => {
  it('sends a typed key once, then empties the field; shows the auth error with its next step', async () => {
    api = createFakeAppApi({
      'providers:update': () => Promise.resolve(fakeProvidersOverview()),
      'providers:test': ({ provider }) =>
        Promise.resolve({
          ok: false,
          provider,
          model: 'm',
          code: 'auth',
          message: 'Invalid API Key',
          nextStep:
            'The key was rejected by groq. Paste a valid API key and save it, then test again.',
        }),
    })
    setAppApi(api)
    render(<ProvidersScreen />)
    fireEvent.click(await screen.findByRole('option', { name: 'Groq' }))
    const groq = within(await screen.findByRole('article', { name: 'Groq' }))
    const key = groq.getByLabelText('API key')
    fireEvent.change(key, { target: { value: 'gsk_typed_key_1234' } })
    expect(groq.getByText('Unsaved changes')).toBeTruthy()
    // With a typed key, Test connection tries it as typed and saves nothing.
    fireEvent.click(groq.getByRole('button', { name: 'Test connection' }))
    await groq.findByText('Tested what was typed in the form; nothing was saved.')
    expect(api.calls.map((c) => c.channel)).not.toContain('providers:update')
    expect(api.calls.find((c) => c.channel === 'providers:test')?.input).toEqual({
      provider: 'groq',
      unsaved: { apiKey: 'gsk_typed_key_1234' },
    })
    expect(groq.getByText('Unsaved changes')).toBeTruthy()
    fireEvent.click(groq.getByRole('button', { name: 'Save' }))
    await groq.findByText('Saved')
    expect((key as HTMLInputElement).value).toBe('')
    expect(api.calls.find((c) => c.channel === 'providers:update')?.input).toEqual({
      provider: 'groq',
      layer: 'factory-config',
      apiKey: 'gsk_typed_key_1234',
    })
    fireEvent.click(groq.getByRole('button', { name: 'Test connection' }))
    const alert = await groq.findByRole('alert')
    expect(alert.textContent).toContain('Key rejected (auth): Invalid API Key')
    expect(alert.textContent).toContain('Paste a valid API key')
    // Saved settings now: the last test sent no unsaved values and says nothing about the form.
    expect(api.calls.filter((c) => c.channel === 'providers:test').at(-1)?.input).toEqual({
      provider: 'groq',
    })
    expect(groq.queryByText('Tested what was typed in the form; nothing was saved.')).toBeNull()
  })

  it('tests a typed model and base URL as typed; a cleared field waits for Save & test', async () => {
    api = createFakeAppApi({
      'providers:test': ({ provider, unsaved }) =>
        Promise.resolve({
          ok: true,
          provider,
          model: unsaved?.model ?? 'saved',
          latencyMs: 3,
          models: ['llama3.2:1b'],
          modelListed: true,
        }),
    })
    setAppApi(api)
    render(<ProvidersScreen />)
    fireEvent.click(await screen.findByRole('option', { name: 'Ollama' }))
    const ollama = within(await screen.findByRole('article', { name: 'Ollama' }))
    fireEvent.change(ollama.getByLabelText('Model'), { target: { value: 'llama3.2:1b' } })
    fireEvent.change(ollama.getByLabelText('Base URL'), {
      target: { value: ' http://gpu-box:11434 ' },
    })
    expect(ollama.getByText(/tries what you typed without saving it/)).toBeTruthy()
    fireEvent.click(ollama.getByRole('button', { name: 'Test connection' }))
    expect((await ollama.findByRole('status')).textContent).toContain('Connected in 3 ms')
    expect(api.calls.find((c) => c.channel === 'providers:test')?.input).toEqual({
      provider: 'ollama',
      unsaved: { model: 'llama3.2:1b', baseUrl: 'http://gpu-box:11434' },
    })

    fireEvent.change(ollama.getByLabelText('Base URL'), { target: { value: '' } })
    expect(ollama.getByRole('button', { name: 'Test connection' }).hasAttribute('disabled')).toBe(
      true,
    )
    expect(ollama.getByText('A cleared field is tested once saved: use Save & test.')).toBeTruthy()
    expect(ollama.getByRole('button', { name: 'Save & test' })).toBeTruthy()
  })

  it('says at once, next to the field, that a higher layer still wins over the one written to', async () => {
    const overview = fakeProvidersOverview()
    const groq = overview.providers.find((p) => p.provider === 'groq')!
    const factoryStep = {
      layer: 'factory-config' as const,
      key: 'groq_settings_for_factory.default_model_override',
      origin: '/home/you/mindx/data/config/llm_factory_config.json',
    }
    groq.view.sources.model = factoryStep
    groq.view.chains.model = [
      { ...factoryStep, status: 'won', value: 'llama-3.3-70b-versatile' },
      {
        layer: 'global-config',
        key: 'llm.groq.default_model',
        origin: '/home/you/mindx/mindx_config.json',
        status: 'absent',
      },
    ]
    api = createFakeAppApi({ 'providers:list': () => Promise.resolve(overview) })
    setAppApi(api)
    render(<ProvidersScreen />)
    fireEvent.click(await screen.findByRole('option', { name: 'Groq' }))
    const card = within(await screen.findByRole('article', { name: 'Groq' }))
    fireEvent.change(card.getByLabelText('Write to'), { target: { value: 'global-config' } })
    fireEvent.change(card.getByLabelText('Model'), { target: { value: 'qwen/qwen3-32b' } })
    const note = card.getByRole('note')
    expect(note.textContent).toContain('Saved to global config, this is still overridden')
    expect(note.textContent).toContain('wins')
    // Writing to the layer that already wins: nothing to warn about.
    fireEvent.change(card.getByLabelText('Write to'), { target: { value: 'factory-config' } })
    expect(card.queryByRole('note')).toBeNull()
  })

  it('moves a provider with the Move up button', async () => {
    api = createFakeAppApi({
      'providers:setOrder': ({ order }) =>
        Promise.resolve({ ...fakeProvidersOverview(), preferenceOrder: order }),
    })
    setAppApi(api)
    render(<ProvidersScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Move groq up' }))
    await act(() => Promise.resolve())
    expect(api.calls.find((c) => c.channel === 'providers:setOrder')?.input).toEqual({
      order: ['groq', 'ollama'],
    })
  })
})

describe('Config screen', () => {
  it('reloads on a disk change when clean; offers keep-mine / take-theirs when dirty', async () => {
    api = createFakeAppApi({
      'config:applyEdit': ({ path, value }) =>
        Promise.resolve({
          text: `{\n  "groq_settings_for_factory": { "${String(path[1])}": ${JSON.stringify(value)} }\n}\n`,
        }),
    })
    setAppApi(api)
    render(<ConfigScreen />)
    await screen.findByRole('tab', { name: 'Form' })
    const doc = { path: '/ws/llm.json', exists: true }
    act(() => api.emit('config:changed', { ...doc, text: '{ "a": 1 }\n', revision: 'r2' }))
    expect(await screen.findByText('Reloaded: the file changed on disk.')).toBeTruthy()

    const model = screen.getByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'llama' } })
    fireEvent.blur(model)
    await screen.findByText('Unsaved changes')
    act(() => api.emit('config:changed', { ...doc, text: '{ "b": 2 }\n', revision: 'r3' }))
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('The file changed on disk')
    fireEvent.click(within(banner).getByRole('button', { name: 'Take theirs' }))
    expect(useConfigStore.getState().draft).toBe('{ "b": 2 }\n')
    expect(screen.queryByText('Unsaved changes')).toBeNull()
  })

  it('a save refused as a conflict offers keep mine / take theirs; keep mine saves on theirs', async () => {
    const theirs = '{\n  "groq_settings_for_factory": {},\n  "theirs": true\n}\n'
    let reads = 0
    api = createFakeAppApi({
      'config:read': () =>
        Promise.resolve(
          ++reads === 1
            ? { path: '/ws/llm.json', exists: true, text: TEXT, revision: 'r1' }
            : { path: '/ws/llm.json', exists: true, text: theirs, revision: 'r2' },
        ),
      'config:applyEdit': () => Promise.resolve({ text: '{ "mine": true }\n' }),
      'config:save': ({ text, baseRevision }) =>
        baseRevision === 'r2'
          ? Promise.resolve({ path: '/ws/llm.json', exists: true, text, revision: 'r3' })
          : Promise.reject(
              new AppError({ code: 'conflict', message: '/ws/llm.json changed on disk.' }),
            ),
    })
    setAppApi(api)
    render(<ConfigScreen />)
    const model = await screen.findByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'x' } })
    fireEvent.blur(model)
    await screen.findByText('Unsaved changes')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText(/changed on disk\./)).toBeTruthy()
    fireEvent.click(await screen.findByRole('button', { name: 'Show diff' }))
    expect(screen.getByLabelText(/Differences/).textContent).toContain('"theirs": true')
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText(/^Saved\./)).toBeTruthy()
    const saves = api.calls.filter((c) => c.channel === 'config:save').map((c) => c.input)
    expect(saves).toEqual([
      { text: '{ "mine": true }\n', baseRevision: 'r1' },
      { text: '{ "mine": true }\n', baseRevision: 'r2' },
    ])
  })

  it('two quick form edits both land in the draft (the second builds on the first)', async () => {
    const delays = [30, 0]
    api = createFakeAppApi({
      'config:applyEdit': async ({ text, path }) => {
        // The first answer comes back last, as a slower round trip would.
        await new Promise((resolve) => setTimeout(resolve, delays.shift() ?? 0))
        return { text: `${text}+${String(path[0])}` }
      },
    })
    setAppApi(api)
    await useConfigStore.getState().load()
    const first = useConfigStore.getState().applyEdit(['model'], 'x')
    await useConfigStore.getState().applyEdit(['order'], ['y'])
    await first
    expect(useConfigStore.getState().draft).toBe(`${TEXT}+model+order`)
  })

  it('asks before leaving with unsaved changes', async () => {
    api = createFakeAppApi({
      'config:applyEdit': () => Promise.resolve({ text: '{ "changed": true }\n' }),
    })
    setAppApi(api)
    useNavigationStore.setState({ screen: 'config' })
    render(<ConfigScreen />)
    const model = await screen.findByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'x' } })
    fireEvent.blur(model)
    await screen.findByText('Unsaved changes')
    act(() => useNavigationStore.getState().go('providers'))
    expect(useNavigationStore.getState().screen).toBe('config')
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    expect(useNavigationStore.getState().screen).toBe('providers')
    expect(useConfigStore.getState().draft).toBe(TEXT)
  })
})

describe('Config form while typing', () => {
  const edited = '{\n  "groq_settings_for_factory": { "default_model_override": "typed" }\n}\n'
  function configApi() {
    api = createFakeAppApi({
      'config:applyEdit': ({ value }) =>
        Promise.resolve({ text: value === 'typed' ? edited : TEXT }),
      'config:save': ({ text }) =>
        Promise.resolve({ path: '/ws/llm.json', exists: true, text, revision: 'r2' }),
    })
    setAppApi(api)
  }
  const saves = () => api.calls.filter((c) => c.channel === 'config:save')

  it('Save works on the first click, with the field still focused', async () => {
    configApi()
    render(<ConfigScreen />)
    const model = await screen.findByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'typed' } })
    const save = screen.getByRole('button', { name: 'Save' })
    expect((save as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(save)
    await screen.findByText(/^Saved\./)
    expect(saves().map((c) => c.input)).toEqual([{ text: edited, baseRevision: 'r1' }])
  })

  it('Ctrl+S in a field saves what is typed', async () => {
    configApi()
    render(<ConfigScreen />)
    const model = await screen.findByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'typed' } })
    fireEvent.keyDown(model, { key: 's', ctrlKey: true })
    await screen.findByText(/^Saved\./)
    expect(saves().map((c) => c.input)).toEqual([{ text: edited, baseRevision: 'r1' }])
  })

  it('switching screens from a field (Ctrl+1…5) asks before dropping the typed edit', async () => {
    configApi()
    useNavigationStore.setState({ screen: 'config' })
    render(<ConfigScreen />)
    const model = await screen.findByRole('textbox', { name: 'groq model override' })
    fireEvent.change(model, { target: { value: 'typed' } })
    act(() => useNavigationStore.getState().go('playground'))
    expect(useNavigationStore.getState().screen).toBe('config')
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    expect(useNavigationStore.getState().screen).toBe('playground')
    expect(saves()).toHaveLength(0)
  })
})
