// Playground: chat with any provider/model (streamed, multi-turn, saved per workspace) or compare several.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ChatView } from './ChatView'
import { CompareView } from './CompareView'
import { isStreaming, useCompareStore } from './compare-store'
import { ConversationsPanel } from './ConversationsPanel'
import { ModelPicker } from './ModelPicker'
import type { PlaygroundMode } from './playground-store'
import { usePlaygroundStore } from './playground-store'
import { PresetsPanel } from './PresetsPanel'
import { SettingsPanel } from './SettingsPanel'
import { FailoverPanel } from './FailoverPanel'
import './playground.css'
import './conversation.css'

const MODES: { id: PlaygroundMode; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'compare', label: 'Compare' },
]

/** Esc stops whatever is streaming on the screen in view. */
function useEscapeStops(mode: PlaygroundMode): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (mode === 'chat' && usePlaygroundStore.getState().active) {
        event.preventDefault()
        void usePlaygroundStore.getState().stop()
      } else if (mode === 'compare' && isStreaming(useCompareStore.getState().columns)) {
        event.preventDefault()
        void useCompareStore.getState().stop()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [mode])
}

export function PlaygroundScreen() {
  const s = usePlaygroundStore(
    useShallow((state) => ({
      mode: state.mode,
      settings: state.settings,
      defaultProvider: state.defaultProvider,
      models: state.models[state.settings.provider],
      busy: state.active !== null,
      notice: state.notice,
      setMode: state.setMode,
      updateSettings: state.updateSettings,
      chooseProvider: state.chooseProvider,
      loadModels: state.loadModels,
    })),
  )
  const compareBusy = useCompareStore((state) => isStreaming(state.columns))
  useEffect(() => usePlaygroundStore.getState().start(), [])
  useEscapeStops(s.mode)
  useEffect(() => {
    if (s.mode === 'compare' && s.settings.model !== '') {
      useCompareStore.getState().seed({ provider: s.settings.provider, model: s.settings.model })
    }
  }, [s.mode, s.settings.provider, s.settings.model])

  return (
    <section className="screen playground" aria-labelledby="screen-title">
      <header className="screen-header playground-header">
        <h1 id="screen-title" tabIndex={-1}>
          Playground
        </h1>
        <div className="mode-switch" role="group" aria-label="Mode">
          {MODES.map((m) => (
            <button
              key={m.id}
              type="button"
              className="mode-button"
              aria-pressed={s.mode === m.id}
              onClick={() => s.setMode(m.id)}
            >
              {m.label}
            </button>
          ))}
        </div>
      </header>
      {s.notice && (
        <div className="banner banner-error" role="alert">
          {s.notice}
        </div>
      )}
      <div className="playground-body">
        <div className="playground-main">{s.mode === 'chat' ? <ChatView /> : <CompareView />}</div>
        <aside className="playground-side" aria-label="Playground settings">
          {s.mode === 'chat' && (
            <section className="side-section" aria-label="Model">
              <ModelPicker
                id="playground-model"
                provider={s.settings.provider}
                model={s.settings.model}
                defaultProvider={s.defaultProvider}
                models={s.models}
                disabled={s.busy}
                onProvider={(provider) => void s.chooseProvider(provider)}
                onModel={(model) => s.updateSettings({ model })}
                onReload={() => void s.loadModels(s.settings.provider, { force: true })}
              />
            </section>
          )}
          <section className="side-section" aria-label="Failover">
            <FailoverPanel
              settings={s.settings}
              disabled={s.busy || compareBusy}
              onChange={s.updateSettings}
            />
          </section>
          <section className="side-section" aria-label="Presets">
            <PresetsPanel
              settings={s.settings}
              disabled={s.busy || compareBusy}
              onChange={s.updateSettings}
            />
          </section>
          <section className="side-section" aria-label="Settings">
            <SettingsPanel
              settings={s.settings}
              disabled={s.busy || compareBusy}
              onChange={s.updateSettings}
            />
          </section>
          {s.mode === 'chat' && <ConversationsPanel />}
        </aside>
      </div>
    </section>
  )
}
