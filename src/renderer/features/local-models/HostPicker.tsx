// Which Ollama server the screen manages: configured or saved hosts, its reachability, add/remove a host.
import type { FormEvent } from 'react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { errorMessage } from '../../platform/app-api'
import { useLocalModelsStore } from './local-models-store'

function ReachabilityBadge() {
  const status = useLocalModelsStore((s) => s.status)
  const [tone, text] =
    status.state === 'loading'
      ? ['pending', 'Checking…']
      : status.state === 'error'
        ? ['down', 'Unknown']
        : status.value.reachable
          ? ['ok', `Reachable${status.value.version ? ` · Ollama ${status.value.version}` : ''}`]
          : ['down', 'Not reachable']
  return (
    <span className="lm-reachability" role="status" aria-label="Host status">
      <span className={`status-dot status-dot-${tone}`} aria-hidden="true" />
      {text}
    </span>
  )
}

function AddHostForm({ onDone }: { onDone: () => void }) {
  const addHost = useLocalModelsStore((s) => s.addHost)
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await addHost(url.trim())
      onDone()
    } catch (reason) {
      setError(errorMessage(reason))
    }
  }
  return (
    <form className="lm-add-host" onSubmit={(event) => void submit(event)}>
      <label className="lm-field">
        <span>Host URL</span>
        <input
          type="url"
          value={url}
          required
          placeholder="http://192.168.1.20:11434"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'lm-add-host-error' : undefined}
          onChange={(event) => {
            setUrl(event.target.value)
            setError(null)
          }}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
          autoFocus
        />
      </label>
      <button type="submit" className="button button-primary">
        Save host
      </button>
      <button type="button" className="button" onClick={onDone}>
        Close
      </button>
      {error && (
        <p id="lm-add-host-error" className="lm-field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

export function HostPicker() {
  const { hosts, host, selectHost, removeHost, refresh } = useLocalModelsStore(
    useShallow((s) => ({
      hosts: s.hosts,
      host: s.host,
      selectHost: s.selectHost,
      removeHost: s.removeHost,
      refresh: s.refresh,
    })),
  )
  const [adding, setAdding] = useState(false)
  if (hosts.state === 'loading') return <p className="lm-muted">Loading Ollama hosts…</p>
  if (hosts.state === 'error') {
    return (
      <p className="banner banner-error" role="alert">
        The saved Ollama hosts could not be read: {hosts.message}
      </p>
    )
  }
  const { configured, configuredOrigin, saved, fallback } = hosts.value
  const isSaved = saved.some((h) => h.url === host)
  return (
    <div className="lm-hostbar">
      <div className="lm-hostbar-row">
        <label className="lm-field lm-host-select">
          <span>Ollama host</span>
          <select
            value={host ?? configured}
            onChange={(event) => void selectHost(event.target.value)}
          >
            <option value={configured}>{configured} (from config)</option>
            {fallback && <option value={fallback.url}>{fallback.url} (fallback_url)</option>}
            {saved.map((h) => (
              <option key={h.url} value={h.url}>
                {h.label ? `${h.label} — ${h.url}` : h.url}
              </option>
            ))}
          </select>
        </label>
        <ReachabilityBadge />
        <span className="lm-spacer" />
        <button type="button" className="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={adding}
          onClick={() => setAdding((open) => !open)}
        >
          Add host…
        </button>
        {isSaved && host && (
          <button type="button" className="button" onClick={() => void removeHost(host)}>
            Remove host
          </button>
        )}
      </div>
      {host === configured && (
        <p className="lm-muted lm-origin">
          From <code>{configuredOrigin}</code>
        </p>
      )}
      {fallback && host === fallback.url && (
        <p className="lm-muted lm-origin">
          The fallback the factory asks when {configured} is down; from{' '}
          <code>{fallback.origin}</code>
        </p>
      )}
      {adding && <AddHostForm onDone={() => setAdding(false)} />}
    </div>
  )
}
