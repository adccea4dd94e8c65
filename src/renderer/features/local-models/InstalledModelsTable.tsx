// Installed models: filter, sortable columns, total disk used, Details and Delete (confirmed) per row.
import { useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { InstalledOllamaModel } from '../../../shared/ollama'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { formatBytes, formatDate } from './format'
import { useNavigationStore } from '../../stores/navigation-store'
import { usePlaygroundStore } from '../playground/playground-store'
import { useLocalModelsStore } from './local-models-store'

type SortKey = 'name' | 'size' | 'parameterSize' | 'quantization' | 'family' | 'modifiedAt'
interface Sort {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'size', label: 'Size' },
  { key: 'parameterSize', label: 'Parameters' },
  { key: 'quantization', label: 'Quantization' },
  { key: 'family', label: 'Family' },
  { key: 'modifiedAt', label: 'Modified' },
]

/** "7B" < "13B" and "500M" < "1B": parameter sizes sort by magnitude, not as text. */
function parameterCount(size: string | undefined): number {
  const match = /^([\d.]+)\s*([KMBT])?/i.exec(size ?? '')
  if (!match) return -1
  const scale = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[(match[2] ?? 'B').toUpperCase()] ?? 1
  return Number(match[1]) * scale
}

function compare(a: InstalledOllamaModel, b: InstalledOllamaModel, key: SortKey): number {
  if (key === 'size') return (a.size ?? -1) - (b.size ?? -1)
  if (key === 'parameterSize')
    return parameterCount(a.parameterSize) - parameterCount(b.parameterSize)
  return (a[key] ?? '').localeCompare(b[key] ?? '')
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: (typeof COLUMNS)[number]
  sort: Sort
  onSort: (key: SortKey) => void
}) {
  const active = sort.key === column.key
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="lm-sort" onClick={() => onSort(column.key)}>
        {column.label}
        <span aria-hidden="true" className="lm-sort-arrow">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  )
}

export function InstalledModelsTable({ models }: { models: InstalledOllamaModel[] }) {
  const { deleteModel, showDetails, busy, selected } = useLocalModelsStore(
    useShallow((s) => ({
      deleteModel: s.deleteModel,
      showDetails: s.showDetails,
      busy: s.busy,
      selected: s.details?.name,
    })),
  )
  // The Playground talks to the configured Ollama: chatting from another host would mislead.
  const onConfiguredHost = useLocalModelsStore(
    (s) => s.hosts.state === 'ready' && s.host === s.hosts.value.configured,
  )
  const go = useNavigationStore((s) => s.go)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' })
  const [confirming, setConfirming] = useState<string | null>(null)
  const filterRef = useRef<HTMLInputElement>(null)

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const matching = models.filter((m) =>
      [m.name, m.family, m.quantization, m.parameterSize].some((v) =>
        v?.toLowerCase().includes(needle),
      ),
    )
    const sign = sort.direction === 'ascending' ? 1 : -1
    return matching.sort((a, b) => sign * compare(a, b, sort.key))
  }, [models, filter, sort])
  const totalBytes = models.reduce((sum, m) => sum + (m.size ?? 0), 0)
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending',
    }))

  return (
    <section className="lm-section" aria-labelledby="lm-installed-title">
      <div className="lm-section-head">
        <h2 id="lm-installed-title">Installed models</h2>
        <span className="lm-muted" aria-label="Total disk used">
          {models.length} {models.length === 1 ? 'model' : 'models'} · {formatBytes(totalBytes)} on
          disk
        </span>
        <span className="lm-spacer" />
        <label className="lm-field lm-filter">
          <span className="visually-hidden">Filter models</span>
          <input
            type="search"
            placeholder="Filter models"
            ref={filterRef}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
      </div>
      {models.length === 0 ? (
        <p className="lm-empty">No models installed on this host yet. Pull one above.</p>
      ) : (
        <div className="lm-table-wrap">
          <table className="lm-table" aria-labelledby="lm-installed-title">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length + 1} className="lm-empty-row">
                    No installed model matches “{filter}”.
                  </td>
                </tr>
              )}
              {rows.map((m) => (
                <tr key={m.name} className={selected === m.name ? 'lm-row-selected' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="lm-link"
                      aria-label={m.name}
                      title={m.name}
                      aria-describedby="lm-details-hint"
                      onClick={() => void showDetails(m.name)}
                    >
                      {m.name}
                    </button>
                  </th>
                  <td className="lm-num">{formatBytes(m.size)}</td>
                  <td>{m.parameterSize ?? '—'}</td>
                  <td>{m.quantization ?? '—'}</td>
                  <td>{m.family ?? '—'}</td>
                  <td className="lm-wrap">{formatDate(m.modifiedAt)}</td>
                  <td className="lm-actions">
                    {onConfiguredHost && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Chat with ${m.name}`}
                        onClick={() => {
                          usePlaygroundStore.getState().chatWith('ollama', m.name)
                          go('playground')
                        }}
                      >
                        Chat
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy[`delete ${m.name}`] === true}
                      onClick={() => setConfirming(m.name)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p id="lm-details-hint" className="visually-hidden">
        Shows the model's details
      </p>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${confirming}?`}
          confirmLabel="Delete"
          tone="danger"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const name = confirming
            setConfirming(null)
            void deleteModel(name).then(() => {
              // The focused Delete button left with its row; keep keyboard users in the table.
              if (document.activeElement === document.body) filterRef.current?.focus()
            })
          }}
        >
          <p>
            This removes the model's files from the Ollama host. Pulling it again downloads it
            again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
