// Shown when the managed host does not answer: how to start Ollama, how to point at another host, Retry.
import { MessageText } from '../../components/MessageText'
import { useLocalModelsStore } from './local-models-store'

export interface OllamaDownPanelProps {
  baseUrl: string
  message?: string
}

export function OllamaDownPanel({ baseUrl, message }: OllamaDownPanelProps) {
  const refresh = useLocalModelsStore((s) => s.refresh)
  const checking = useLocalModelsStore((s) => s.status.state === 'loading')
  return (
    <section className="lm-down" aria-labelledby="lm-down-title">
      <h2 id="lm-down-title">Ollama is not reachable</h2>
      <p>
        <MessageText text={message ?? `Nothing answered at ${baseUrl}.`} />
      </p>
      <div className="lm-down-steps">
        <div>
          <h3>Start Ollama on this machine</h3>
          <p>Run this in a terminal (or open the Ollama app), then press Retry:</p>
          <pre>
            <code>ollama serve</code>
          </pre>
          <p className="lm-muted">
            No Ollama yet? Install it from <code>https://ollama.com/download</code>.
          </p>
        </div>
        <div>
          <h3>Use a remote Ollama</h3>
          <p>
            Pick or add its address with <strong>Ollama host</strong> above, or make it the
            workspace default: set the Ollama base URL on the <strong>Providers</strong> or{' '}
            <strong>Config</strong> screen (
            <code>ollama_settings_for_factory.base_url_override</code>
            ), or start the studio with <code>OLLAMA_HOST=http://host:11434</code>.
          </p>
          <p className="lm-muted">
            On the remote machine, Ollama must listen beyond localhost:{' '}
            <code>OLLAMA_HOST=0.0.0.0 ollama serve</code>.
          </p>
        </div>
      </div>
      <button
        type="button"
        className="button button-primary"
        disabled={checking}
        onClick={() => void refresh()}
      >
        {checking ? 'Checking…' : 'Retry'}
      </button>
    </section>
  )
}
