// The status bar: open workspace, the resolved default provider/model, Ollama reachability.
import { useShallow } from 'zustand/react/shallow'
import { plainMessage } from '../components/MessageText'
import type { Loadable } from '../stores/shell-store'
import { useShellStore } from '../stores/shell-store'
import { useWorkspaceSwitcherStore } from '../stores/workspace-switcher-store'

/** Last path segment, for either separator (the renderer has no node:path). */
export function folderName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

function text<T>(value: Loadable<T>, show: (value: T) => string): string {
  if (value.state === 'loading') return '…'
  if (value.state === 'error') return 'unavailable'
  return show(value.value)
}

export function StatusBar() {
  const { info, resolution, ollama, refreshOllama } = useShellStore(
    useShallow((s) => ({
      info: s.info,
      resolution: s.resolution,
      ollama: s.ollama,
      refreshOllama: s.refreshOllama,
    })),
  )
  const showSwitcher = useWorkspaceSwitcherStore((s) => s.show)
  const workspaceName = text(info, (i) => folderName(i.workspace))
  const fallback = resolution.state === 'ready' ? resolution.value.fallbackReason : null
  const ollamaState =
    ollama.state === 'ready' ? (ollama.value.reachable ? 'ok' : 'down') : ollama.state
  const ollamaTitle =
    ollama.state === 'ready'
      ? plainMessage(
          ollama.value.message ??
            (ollama.value.viaFallback
              ? `Ollama is down at ${ollama.value.viaFallback.configured}; its fallback_url ${ollama.value.baseUrl} answers`
              : `Ollama ${ollama.value.version ?? ''} at ${ollama.value.baseUrl}`),
        )
      : ollama.state === 'error'
        ? ollama.message
        : 'Checking Ollama…'

  return (
    <footer className="status-bar" aria-label="Status bar">
      <button
        type="button"
        className="status-item status-button status-workspace"
        title={`${info.state === 'ready' ? `${info.value.workspace} — ` : ''}switch workspace`}
        aria-haspopup="dialog"
        aria-label={`Workspace ${workspaceName} (switch workspace)`}
        onClick={showSwitcher}
      >
        <span className="status-label">Workspace</span>
        <span className="status-value" data-testid="status-workspace">
          {workspaceName}
        </span>
      </button>
      <span className="status-item" title={fallback ?? undefined}>
        <span className="status-label">Default</span>
        <span className="status-value">
          {text(resolution, (r) => `${r.provider} · ${r.model}`)}
        </span>
        {fallback && <span className="status-badge">fallback</span>}
      </span>
      <button
        type="button"
        className="status-item status-button"
        title={`${ollamaTitle} (click to check again)`}
        onClick={() => void refreshOllama()}
      >
        <span className={`status-dot status-dot-${ollamaState}`} aria-hidden="true" />
        <span className="status-label">Ollama</span>
        <span className="status-value">
          {text(ollama, (o) =>
            o.reachable
              ? `${o.viaFallback ? 'via fallback_url' : 'reachable'}${o.version ? ` (${o.version})` : ''}`
              : 'not reachable',
          )}
        </span>
      </button>
      <span className="status-spacer" />
      {info.state === 'ready' && (
        <span className="status-item status-muted">
          {info.value.transport} · v{info.value.version}
        </span>
      )}
    </footer>
  )
}
