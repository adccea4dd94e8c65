// Models loaded in memory (`ps`): size, share on the GPU, expiry, and Unload per row.
import { useShallow } from 'zustand/react/shallow'
import type { RunningOllamaModel } from '../../../shared/ollama'
import { formatBytes, formatExpiry } from './format'
import { useLocalModelsStore } from './local-models-store'

function gpuShare(model: RunningOllamaModel): string {
  if (model.size <= 0) return '—'
  const percent = Math.round((model.sizeVram / model.size) * 100)
  return percent >= 100 ? '100% GPU' : percent <= 0 ? 'CPU' : `${percent}% GPU`
}

export function RunningModels({ running }: { running: RunningOllamaModel[] }) {
  const { unload, busy } = useLocalModelsStore(
    useShallow((s) => ({ unload: s.unload, busy: s.busy })),
  )
  return (
    <section className="lm-section" aria-labelledby="lm-running-title">
      <div className="lm-section-head">
        <h2 id="lm-running-title">Running</h2>
        <span className="lm-muted">
          {formatBytes(running.reduce((sum, m) => sum + m.size, 0))} in memory
        </span>
      </div>
      {running.length === 0 ? (
        <p className="lm-empty">No model is loaded in memory right now.</p>
      ) : (
        <div className="lm-table-wrap">
          <table className="lm-table" aria-labelledby="lm-running-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Memory</th>
                <th scope="col">Processor</th>
                <th scope="col">Unloads</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {running.map((m) => (
                <tr key={m.name}>
                  <th scope="row" title={m.name}>
                    {m.name}
                  </th>
                  <td className="lm-num">{formatBytes(m.size)}</td>
                  <td>{gpuShare(m)}</td>
                  <td className="lm-wrap">{formatExpiry(m.expiresAt)}</td>
                  <td className="lm-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy[`unload ${m.name}`] === true}
                      onClick={() => void unload(m.name)}
                    >
                      Unload
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
