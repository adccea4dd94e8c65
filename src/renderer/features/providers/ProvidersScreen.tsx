// Providers: one card per provider (values with provenance, edit, Test connection) and the default order.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { getAppApi } from '../../platform/current-api'
import { useProvidersStore } from './providers-store'
import { ProviderCard } from './ProviderCard'
import { ProviderOrder } from './ProviderOrder'
import '../../components/controls.css'
import '../../components/panels.css'
import './providers.css'

export function ProvidersScreen() {
  const { overview, saves, tests, order } = useProvidersStore(
    useShallow((s) => ({ overview: s.overview, saves: s.saves, tests: s.tests, order: s.order })),
  )
  const { load, update, test, setOrder } = useProvidersStore.getState()
  useEffect(() => {
    void load()
    // Another editor (or the Config screen) changed the file: the cards follow.
    const reload = () => void useProvidersStore.getState().load()
    const stops = [
      getAppApi().on('config:changed', reload),
      getAppApi().on('workspace:changed', reload),
    ]
    return () => stops.forEach((stop) => stop())
  }, [load])

  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title" tabIndex={-1}>
          Providers
        </h1>
      </header>
      <p className="screen-lead">
        What the factory uses for each provider, and where each value comes from. Keys are stored
        outside the config and only ever shown masked.
      </p>
      {overview.state === 'loading' && (
        <p role="status" className="muted">
          Loading providers…
        </p>
      )}
      {overview.state === 'error' && (
        <div className="notice notice-error" role="alert">
          <p>Could not load the providers: {overview.message}</p>
          <p>
            If it names a config file, fix it on the Config screen (it shows the line and column),
            then{' '}
            <button type="button" className="button button-small" onClick={() => void load()}>
              Retry
            </button>
          </p>
        </div>
      )}
      {overview.state === 'ready' && (
        <>
          <ProviderOrder
            order={overview.value.preferenceOrder}
            known={overview.value.providers.map((card) => card.provider)}
            defaultView={overview.value.defaultView}
            busy={order.state === 'busy'}
            error={order.state === 'error' ? order.message : null}
            onChange={(next) => void setOrder(next)}
          />
          <div className="provider-grid">
            {overview.value.providers.map((card) => (
              <ProviderCard
                key={card.provider}
                card={card}
                isDefault={overview.value.defaultView.provider === card.provider}
                layers={overview.value.layers}
                secretStore={overview.value.secretStore}
                save={saves[card.provider] ?? { state: 'idle' }}
                test={tests[card.provider] ?? { state: 'idle' }}
                onUpdate={update}
                onTest={() => void test(card.provider)}
              />
            ))}
          </div>
        </>
      )}
    </section>
  )
}
