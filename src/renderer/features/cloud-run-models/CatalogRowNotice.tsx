// What a catalog row has to say below itself: a default asked for a model the host lacks (with Pull,
// then Make default once it is in), or why its last pull failed.
import type { OllamaPull } from '../../../shared/ollama'
import { MessageText } from '../../components/MessageText'
import type { CatalogRow } from './catalog-table'

export interface CatalogRowNoticeProps {
  row: CatalogRow
  /** Set when Make default was asked for this row's model and the host does not have it. */
  notInstalledOn: string | null
  pull: OllamaPull | undefined
  busy: boolean
  onPull: () => void
  onMakeDefault: (options: { evenIfMissing: boolean }) => void
  onDismiss: () => void
}

const pulling = (pull: OllamaPull | undefined) =>
  pull?.state === 'queued' || pull?.state === 'pulling'

/** Whether the row has a notice to show (the table adds a row for it only then). */
export function hasRowNotice(props: Pick<CatalogRowNoticeProps, 'notInstalledOn' | 'pull'>) {
  return props.notInstalledOn !== null || props.pull?.state === 'error'
}

export function CatalogRowNotice(props: CatalogRowNoticeProps) {
  const { row, notInstalledOn: host, pull, busy } = props
  const name = row.ollama_name
  const failed = pull?.state === 'error' ? (pull.error?.message ?? pull.status) : null
  if (host === null) {
    if (failed === null) return null
    return (
      <div className="notice notice-error catalog-row-notice" role="alert">
        <MessageText text={`Pull of ${name} failed: ${failed}`} />
      </div>
    )
  }
  if (row.installed === true) {
    return (
      <div className="notice notice-ok catalog-row-notice" role="status">
        <span>
          {name} is installed on {host} now.
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => props.onMakeDefault({ evenIfMissing: false })}
        >
          Make {name} the default
        </button>
        <button type="button" className="button button-small" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
    )
  }
  return (
    <div className="notice notice-warn catalog-row-notice" role="status">
      <span>
        {name} isn’t installed on {host}
        {pulling(pull)
          ? ': pulling it now. It can become the default once it is in.'
          : ': the factory would fail to use it until it is pulled.'}
      </span>
      {failed !== null && (
        <span className="catalog-row-notice-error">
          <MessageText text={`The pull failed: ${failed}`} />
        </span>
      )}
      {!pulling(pull) && (
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          onClick={props.onPull}
        >
          {failed === null ? 'Pull now' : 'Pull again'}
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => props.onMakeDefault({ evenIfMissing: true })}
      >
        Make default anyway
      </button>
      <button type="button" className="button button-small" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
