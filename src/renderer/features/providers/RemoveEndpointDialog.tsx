// Confirms removing a custom endpoint (its json entry and stored key/header values); shows a failure.
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useProvidersStore } from './providers-store'

export function RemoveEndpointDialog(props: { name: string; onClose: () => void }) {
  const { name, onClose } = props
  const [error, setError] = useState<string | null>(null)
  return (
    <ConfirmDialog
      title={`Remove the endpoint ${name}?`}
      confirmLabel="Remove endpoint"
      tone="danger"
      onCancel={onClose}
      onConfirm={() =>
        void useProvidersStore
          .getState()
          .removeCustom(name)
          .then((message) => (message === null ? onClose() : setError(message)))
      }
    >
      <p>
        <code>custom_providers.{name}</code> is removed from the factory config, with its stored key
        and header values. Conversations that used it keep their text.
      </p>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          Not removed: {error}
        </p>
      )}
    </ConfirmDialog>
  )
}
