// Providers: a searchable list, the selected provider's detail (provenance, edit, Test connection),
// the default order and "Add OpenAI-compatible endpoint".
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { getAppApi } from '../../platform/current-api'
import type { ProvidersOverview } from '../../../shared/studio-config'
import type {
  ProviderUpdate,
  SaveState,
  TestState,
  UnsavedProviderSettings,
} from './providers-store'
import { useProvidersStore } from './providers-store'
import { AddEndpointDialog } from './AddEndpointDialog'
import { ProviderCard } from './ProviderCard'
import { ProviderList } from './ProviderList'
import { RemoveEndpointDialog } from './RemoveEndpointDialog'
import { ProviderOrder } from './ProviderOrder'
import '../../components/controls.css'
import '../../components/panels.css'
import './providers.css'

export function ProvidersScreen() {
  const { overview, saves, tests, order, selected } = useProvidersStore(
    useShallow((s) => ({
      overview: s.overview,
      saves: s.saves,
      tests: s.tests,
      order: s.order,
      selected: s.selected,
    })),
  )
  const { load, update, test, setOrder, select } = useProvidersStore.getState()
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<string | null>(null)
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
      <header className="screen-header providers-header">
        <h1 id="screen-title" tabIndex={-1}>
          Providers
        </h1>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add OpenAI-compatible endpoint
        </button>
      </header>
      <p className="screen-lead">
        What the factory uses for each provider, and where each value comes from. Keys are stored
        outside the config and only ever shown masked. Any server that speaks the OpenAI chat
        completions API (vLLM, LM Studio, a proxy…) can be added with “Add OpenAI-compatible
        endpoint”: it is stored under <code>custom_providers</code> and is then a provider like the
        others.
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
          <ProvidersBody
            overview={overview.value}
            selected={selected}
            saves={saves}
            tests={tests}
            onSelect={select}
            onUpdate={update}
            onTest={(provider, unsaved) => void test(provider, unsaved)}
            onRemove={setRemoving}
          />
          <ProviderOrder
            order={overview.value.preferenceOrder}
            known={overview.value.providers.map((card) => card.provider)}
            defaultView={overview.value.defaultView}
            busy={order.state === 'busy'}
            error={order.state === 'error' ? order.message : null}
            onChange={(next) => void setOrder(next)}
          />
        </>
      )}
      {adding && <AddEndpointDialog onClose={() => setAdding(false)} />}
      {removing !== null && (
        <RemoveEndpointDialog name={removing} onClose={() => setRemoving(null)} />
      )}
    </section>
  )
}

function ProvidersBody(props: {
  overview: ProvidersOverview
  selected: string | null
  saves: Partial<Record<string, SaveState>>
  tests: Partial<Record<string, TestState>>
  onSelect: (provider: string) => void
  onUpdate: (change: ProviderUpdate) => Promise<boolean>
  onTest: (provider: string, unsaved?: UnsavedProviderSettings) => void
  onRemove: (provider: string) => void
}) {
  const { overview, saves, tests } = props
  const defaultProvider = overview.defaultView.provider
  const card =
    overview.providers.find((p) => p.provider === props.selected) ??
    overview.providers.find((p) => p.provider === defaultProvider) ??
    overview.providers[0]
  if (!card) return <p className="muted">No providers in this workspace.</p>
  return (
    <div className="provider-split">
      <ProviderList
        providers={overview.providers}
        selected={card.provider}
        defaultProvider={defaultProvider}
        tests={tests}
        onSelect={props.onSelect}
      />
      <ProviderCard
        key={card.provider}
        card={card}
        isDefault={defaultProvider === card.provider}
        layers={overview.layers}
        secretStore={overview.secretStore}
        save={saves[card.provider] ?? { state: 'idle' }}
        test={tests[card.provider] ?? { state: 'idle' }}
        onUpdate={props.onUpdate}
        onTest={(unsaved) => props.onTest(card.provider, unsaved)}
        {...(card.origin === 'custom' ? { onRemove: () => props.onRemove(card.provider) } : {})}
      />
    </div>
  )
}
