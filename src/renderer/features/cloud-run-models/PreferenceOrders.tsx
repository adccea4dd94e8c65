// The coding and general preference orders: reorder, add an id from the catalog, remove.
import type { Catalog } from '../../../shared/catalog'
import { ReorderableList } from '../../components/ReorderableList'
import { AddItemPicker } from '../../components/AddItemPicker'

export interface PreferenceOrdersProps {
  catalog: Catalog
  busy: boolean
  onChange: (order: 'coding' | 'general', ids: string[]) => void
}

function OrderEditor(props: {
  order: 'coding' | 'general'
  ids: string[]
  origin: 'default' | 'config'
  allIds: string[]
  busy: boolean
  onChange: (ids: string[]) => void
}) {
  const { order, ids, origin, allIds, busy, onChange } = props
  const title = order === 'coding' ? 'Coding preference order' : 'General preference order'
  const missing = allIds.filter((id) => !ids.includes(id))
  return (
    <div className="catalog-order">
      <h3>
        {title} <span className="chip">{origin === 'config' ? 'from the json' : 'built-in'}</span>
      </h3>
      {origin === 'default' && (
        <p className="muted">Changing it writes the whole order to llm_factory_config.json.</p>
      )}
      <ReorderableList
        label={title}
        items={ids.map((id) => ({
          id,
          label: id,
          ...(allIds.includes(id) ? {} : { note: 'not in the catalog — skipped' }),
        }))}
        onReorder={onChange}
        onRemove={(id) => onChange(ids.filter((x) => x !== id))}
        disabled={busy}
      />
      <AddItemPicker
        className="actions catalog-order-add"
        label={`Add to ${order} order`}
        choices={missing}
        disabled={busy}
        onAdd={(id) => onChange([...ids, id])}
      />
    </div>
  )
}

export function PreferenceOrders({ catalog, busy, onChange }: PreferenceOrdersProps) {
  const allIds = catalog.entries.map((e) => e.id)
  return (
    <section className="panel" aria-labelledby="orders-title">
      <h2 id="orders-title">Preference orders</h2>
      <p className="muted">
        With no model named anywhere else, the factory picks the first coding preference in the
        catalog, else the first general one.
      </p>
      <div className="catalog-orders">
        <OrderEditor
          order="coding"
          ids={catalog.default_coding_preference_order}
          origin={catalog.orderOrigins.coding}
          allIds={allIds}
          busy={busy}
          onChange={(ids) => onChange('coding', ids)}
        />
        <OrderEditor
          order="general"
          ids={catalog.default_general_preference_order}
          origin={catalog.orderOrigins.general}
          allIds={allIds}
          busy={busy}
          onChange={(ids) => onChange('general', ids)}
        />
      </div>
    </section>
  )
}
