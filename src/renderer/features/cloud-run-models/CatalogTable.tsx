// The catalog table: sortable columns, the factory's pick marked with its reason, row actions.
import { Fragment } from 'react'
import type { OllamaPull } from '../../../shared/ollama'
import type { CatalogPick } from '../../../shared/catalog'
import { ProgressBar } from '../../components/ProgressBar'
import type { CatalogRow, SortColumn, SortOrder } from './catalog-table'
import { CatalogRowNotice, hasRowNotice } from './CatalogRowNotice'

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'ollama_name', label: 'Ollama name' },
  { id: 'id', label: 'ID' },
  { id: 'tier', label: 'Tier' },
  { id: 'type', label: 'Type' },
  { id: 'est_memory_needed_gb', label: 'Memory' },
  { id: 'origin', label: 'Origin' },
  { id: 'installed', label: 'Installed' },
  { id: 'codingRank', label: 'Coding' },
  { id: 'generalRank', label: 'General' },
]

export interface CatalogTableProps {
  rows: CatalogRow[]
  sort: SortOrder
  pick: CatalogPick | null
  defaultModel: string | null
  /** The Ollama host answered, so Installed and Pull mean something. */
  reachable: boolean
  pulls: Record<string, OllamaPull>
  busy: boolean
  onSort: (column: SortColumn) => void
  onMakeDefault: (row: CatalogRow) => void
  onPull: (row: CatalogRow) => void
  onCancelPull: (row: CatalogRow) => void
  onEdit: (row: CatalogRow) => void
  onRemove: (row: CatalogRow) => void
  onDeploy: (row: CatalogRow) => void
  /** Opens the Playground on this row's model (on its Cloud Run service when one is deployed). */
  onChat: (row: CatalogRow) => void
  /** Make default was refused for this model: the host (said in a notice under its row). */
  notInstalled: { name: string; host: string } | null
  onMakeDefaultAnyway: (row: CatalogRow) => void
  onDismissNotice: () => void
}

function pullPercent(pull: OllamaPull): number | null {
  return pull.total > 0 ? Math.round((pull.completed / pull.total) * 100) : null
}

function PullCell({
  row,
  pull,
  reachable,
  busy,
  onPull,
  onCancel,
}: {
  row: CatalogRow
  pull: OllamaPull | undefined
  reachable: boolean
  busy: boolean
  onPull: () => void
  onCancel: () => void
}) {
  if (pull && (pull.state === 'queued' || pull.state === 'pulling')) {
    const percent = pullPercent(pull)
    return (
      <span className="catalog-pull">
        <ProgressBar
          label={`Pull progress of ${row.ollama_name}`}
          percent={percent}
          valueText={pull.status}
        />
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </span>
    )
  }
  if (row.installed === true) return <span className="chip chip-ok">yes</span>
  if (row.installed === null)
    return (
      <span className="muted" title="The Ollama host did not answer">
        unknown
      </span>
    )
  // A failed or cancelled pull is offered again as Retry (why it failed is said below the row).
  const again = pull?.state === 'error' || pull?.state === 'cancelled'
  return (
    <span className="catalog-pull">
      <span className="chip">no</span>
      <button
        type="button"
        className="button button-small"
        aria-label={again ? `Retry the pull of ${row.ollama_name}` : `Pull ${row.ollama_name}`}
        disabled={!reachable || busy}
        onClick={onPull}
      >
        {again ? 'Retry' : 'Pull'}
      </button>
      {pull?.state === 'error' && <span className="chip chip-error">failed</span>}
      {pull?.state === 'cancelled' && <span className="chip">cancelled</span>}
    </span>
  )
}

export function CatalogTable(props: CatalogTableProps) {
  const { rows, sort, pick, defaultModel, pulls, busy } = props
  return (
    <div className="catalog-table-wrap">
      <table className="catalog-table" aria-label="Cloud Run friendly models">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={sort.column === column.id ? sort.direction : 'none'}
              >
                <button
                  type="button"
                  className="catalog-sort"
                  onClick={() => props.onSort(column.id)}
                >
                  {column.label}
                  <span aria-hidden="true" className="catalog-sort-mark">
                    {sort.column === column.id ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="muted catalog-empty">
                No model matches these filters.
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const picked = pick?.id === row.id
            const isDefault = defaultModel === row.ollama_name
            const pull = pulls[row.ollama_name]
            const notInstalledOn =
              props.notInstalled?.name === row.ollama_name ? props.notInstalled.host : null
            return (
              <Fragment key={row.id}>
                <tr className={picked ? 'catalog-picked' : undefined}>
                  <th scope="row" className="mono" title={row.ollama_name}>
                    {row.ollama_name}
                    {picked && (
                      <span className="chip chip-accent catalog-pick" title={pick.reason}>
                        factory pick
                      </span>
                    )}
                    {isDefault && <span className="chip chip-ok catalog-pick">Ollama default</span>}
                    {picked && <div className="catalog-reason">{pick.reason}</div>}
                  </th>
                  <td className="mono">{row.id}</td>
                  <td>{row.tier === 'excellent_fit' ? 'excellent' : 'good'}</td>
                  <td className="catalog-type">{row.type.replaceAll('/', '/\u200b')}</td>
                  <td className="num">{row.est_memory_needed_gb} GB</td>
                  <td>{row.origin}</td>
                  <td>
                    <PullCell
                      row={row}
                      pull={pull}
                      reachable={props.reachable}
                      busy={busy}
                      onPull={() => props.onPull(row)}
                      onCancel={() => props.onCancelPull(row)}
                    />
                  </td>
                  <td className="num">{row.codingRank ?? '—'}</td>
                  <td className="num">{row.generalRank ?? '—'}</td>
                  <td className="catalog-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Make default ${row.ollama_name}`}
                      disabled={busy || isDefault}
                      onClick={() => props.onMakeDefault(row)}
                    >
                      Make default
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Chat with ${row.ollama_name}`}
                      onClick={() => props.onChat(row)}
                    >
                      Chat
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Edit ${row.id}`}
                      disabled={busy}
                      onClick={() => props.onEdit(row)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Deploy ${row.ollama_name} to Cloud Run…`}
                      disabled={busy}
                      onClick={() => props.onDeploy(row)}
                    >
                      Deploy to Cloud Run…
                    </button>
                    {row.origin === 'config' && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Remove ${row.id}`}
                        disabled={busy}
                        onClick={() => props.onRemove(row)}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
                {hasRowNotice({ notInstalledOn, pull }) && (
                  <tr className="catalog-notice-row">
                    <td colSpan={COLUMNS.length + 1}>
                      <CatalogRowNotice
                        row={row}
                        notInstalledOn={notInstalledOn}
                        pull={pull}
                        busy={busy}
                        onPull={() => props.onPull(row)}
                        onMakeDefault={({ evenIfMissing }) =>
                          evenIfMissing ? props.onMakeDefaultAnyway(row) : props.onMakeDefault(row)
                        }
                        onDismiss={props.onDismissNotice}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
