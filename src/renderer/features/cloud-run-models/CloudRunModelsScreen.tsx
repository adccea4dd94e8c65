// Cloud Run models: the merged catalog as a table (filter, sort, search), edits, Make default, Pull, Deploy.
import { MessageText } from '../../components/MessageText'
import { useEffect, useId, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { sourceSentence } from '../../components/provenance-text'
import { getAppApi } from '../../platform/current-api'
import { useCatalogStore } from './catalog-store'
import type { CatalogRow } from './catalog-table'
import {
  catalogRows,
  chatProviderFor,
  filterRows,
  MEMORY_TIERS_GB,
  sortRows,
  typesOf,
} from './catalog-table'
import { usePlaygroundStore } from '../playground/playground-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useProviderRegistryStore } from '../../stores/provider-registry-store'
import { CatalogTable } from './CatalogTable'
import { DeployDialog } from './DeployDialog'
import { EntryDialog } from './EntryDialog'
import { PreferenceOrders } from './PreferenceOrders'
import '../../components/controls.css'
import '../../components/panels.css'
import './cloud-run.css'

type Editing = { kind: 'add' } | { kind: 'edit'; row: CatalogRow } | null

export function CloudRunModelsScreen() {
  const state = useCatalogStore(
    useShallow((s) => ({
      overview: s.overview,
      filters: s.filters,
      sort: s.sort,
      busy: s.busy,
      error: s.error,
      pulls: s.pulls,
      notInstalled: s.notInstalled,
    })),
  )
  const actions = useCatalogStore.getState()
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<CatalogRow | null>(null)
  const [deploying, setDeploying] = useState<CatalogRow | null>(null)
  const ids = { search: useId(), type: useId(), budget: useId() }

  useEffect(() => {
    const load = () => {
      void useCatalogStore.getState().load()
      // Chat goes to a model's Cloud Run service when one is deployed (a provider of its own).
      void useProviderRegistryStore.getState().load()
    }
    load()
    const api = getAppApi()
    const stops = [
      api.on('ollama:pullProgress', (pull) => useCatalogStore.getState().pullChanged(pull)),
      api.on('config:changed', load),
      api.on('workspace:changed', load),
    ]
    return () => stops.forEach((stop) => stop())
  }, [])

  const overview = state.overview.state === 'ready' ? state.overview.value : null
  const allRows = useMemo(
    () =>
      overview
        ? catalogRows(
            overview.catalog,
            overview.installed.reachable ? overview.installed.names : null,
          )
        : [],
    [overview],
  )
  const rows = useMemo(
    () => sortRows(filterRows(allRows, state.filters), state.sort),
    [allRows, state.filters, state.sort],
  )
  const types = useMemo(() => typesOf(allRows), [allRows])

  return (
    <section className="screen screen-wide screen-catalog" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Cloud Run models
        </h1>
      </header>
      {state.overview.state === 'loading' && (
        <p role="status" className="muted">
          Loading the catalog…
        </p>
      )}
      {state.overview.state === 'error' && (
        <div className="notice notice-error" role="alert">
          <p>Could not read the catalog: {state.overview.message}</p>
          <p>
            Fix llm_factory_config.json on the Config screen, then{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => void actions.load()}
            >
              Retry
            </button>
          </p>
        </div>
      )}
      {overview && (
        <>
          <div className="panel catalog-summary" aria-label="What the factory uses for Ollama">
            <p>
              Ollama model now: <code>{overview.ollamaView.model}</code>{' '}
              <span className="muted">{sourceSentence(overview.ollamaView.sources.model)}</span>
            </p>
            <p>
              {overview.catalog.pick ? (
                <>
                  Catalog pick: <code>{overview.catalog.pick.ollama_name}</code>{' '}
                  <span className="muted">— {overview.catalog.pick.reason}</span>
                </>
              ) : (
                <span className="muted">No preference order names an id in the catalog.</span>
              )}
            </p>
            {overview.defaultModelOverride !== null && (
              <p className="actions">
                <span>
                  Default override: <code>{overview.defaultModelOverride}</code>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={state.busy}
                  onClick={() => void actions.makeDefault(null)}
                >
                  Clear default
                </button>
              </p>
            )}
            {!overview.installed.reachable && (
              <p className="notice notice-warn">
                <MessageText text={overview.installed.message ?? ''} />
              </p>
            )}
          </div>
          <div className="catalog-toolbar" role="search">
            <label className="form-field catalog-search" htmlFor={ids.search}>
              <span>Search</span>
              <input
                id={ids.search}
                className="input"
                type="search"
                placeholder="name, id, type, notes"
                value={state.filters.search}
                onChange={(e) => actions.setFilters({ search: e.target.value })}
              />
            </label>
            <label className="form-field" htmlFor={ids.type}>
              <span>Type</span>
              <select
                id={ids.type}
                className="select"
                value={state.filters.type ?? ''}
                onChange={(e) => actions.setFilters({ type: e.target.value || null })}
              >
                <option value="">All types</option>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="form-field" htmlFor={ids.budget}>
              <span>Memory budget</span>
              <select
                id={ids.budget}
                className="select"
                value={state.filters.budgetGb ?? ''}
                onChange={(e) =>
                  actions.setFilters({ budgetGb: e.target.value ? Number(e.target.value) : null })
                }
              >
                <option value="">Any size</option>
                {MEMORY_TIERS_GB.map((gb) => (
                  <option key={gb} value={gb}>
                    Fits in {gb} GB
                  </option>
                ))}
              </select>
            </label>
            <span className="spacer" />
            <span className="muted" role="status">
              {rows.length} of {allRows.length} models
            </span>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ kind: 'add' })}
            >
              Add model
            </button>
          </div>
          {state.error !== null && editing === null && (
            <p className="notice notice-error" role="alert">
              {state.error}
            </p>
          )}
          <CatalogTable
            rows={rows}
            sort={state.sort}
            pick={overview.catalog.pick}
            defaultModel={overview.defaultModelOverride}
            reachable={overview.installed.reachable}
            pulls={state.pulls}
            busy={state.busy}
            onSort={actions.sortBy}
            onMakeDefault={(row) => void actions.makeDefault(row.ollama_name)}
            onPull={(row) => void actions.pull(row.ollama_name)}
            onCancelPull={(row) => void actions.cancelPull(row.ollama_name)}
            onEdit={(row) => setEditing({ kind: 'edit', row })}
            onRemove={setRemoving}
            onDeploy={setDeploying}
            onChat={(row) => {
              const { providers } = useProviderRegistryStore.getState()
              usePlaygroundStore
                .getState()
                .chatWith(chatProviderFor(row.ollama_name, providers), row.ollama_name)
              useNavigationStore.getState().go('playground')
            }}
            notInstalled={state.notInstalled}
            onMakeDefaultAnyway={(row) =>
              void actions.makeDefault(row.ollama_name, { evenIfMissing: true })
            }
            onDismissNotice={actions.dismissNotInstalled}
          />
          <PreferenceOrders
            catalog={overview.catalog}
            busy={state.busy}
            onChange={(order, next) => void actions.setOrder(order, next)}
          />
        </>
      )}
      {editing !== null && (
        <EntryDialog
          {...(editing.kind === 'edit' ? { row: editing.row } : {})}
          types={types}
          existingIds={allRows.map((r) => r.id)}
          error={state.error}
          busy={state.busy}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            void actions.saveEntry(input).then((ok) => {
              if (ok) setEditing(null)
            })
          }
        />
      )}
      {deploying !== null && <DeployDialog row={deploying} onClose={() => setDeploying(null)} />}
      {removing !== null && (
        <ConfirmDialog
          title={`Remove ${removing.id}?`}
          confirmLabel="Remove"
          tone="danger"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id
            setRemoving(null)
            void actions.removeEntry(id)
          }}
        >
          <p>
            The entry is removed from llm_factory_config.json.
            {removing.origin === 'config'
              ? ' A built-in entry with this id comes back with its default values.'
              : ''}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
