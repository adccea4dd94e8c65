// One installed model's `show`: details, then modelfile, parameters, template and license as text.
import { useEffect, useRef } from 'react'
import { useLocalModelsStore } from './local-models-store'

const TEXT_FIELDS = [
  ['modelfile', 'Modelfile'],
  ['parameters', 'Parameters'],
  ['template', 'Template'],
  ['license', 'License'],
] as const

export function ModelDetailsPane() {
  const details = useLocalModelsStore((s) => s.details)
  const close = useLocalModelsStore((s) => s.closeDetails)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const name = details?.name
  useEffect(() => {
    // Opening a model's details moves focus there, so keyboard and screen-reader users follow.
    if (name) headingRef.current?.focus()
  }, [name])
  if (!details) return null
  const { value } = details
  return (
    <section
      className="lm-section lm-details"
      aria-labelledby="lm-details-title"
      onKeyDown={(event) => event.key === 'Escape' && close()}
    >
      <div className="lm-section-head">
        <h2 id="lm-details-title" ref={headingRef} tabIndex={-1}>
          Details: {details.name}
        </h2>
        <span className="lm-spacer" />
        <button type="button" className="button button-small" onClick={close}>
          Close details
        </button>
      </div>
      {value.state === 'loading' && <p className="lm-muted">Loading {details.name}…</p>}
      {value.state === 'error' && (
        <p className="banner banner-error" role="alert">
          {value.message}
        </p>
      )}
      {value.state === 'ready' && (
        <>
          <dl className="lm-facts">
            <dt>Family</dt>
            <dd>{value.value.details.family ?? '—'}</dd>
            <dt>Parameters</dt>
            <dd>{value.value.details.parameterSize ?? '—'}</dd>
            <dt>Quantization</dt>
            <dd>{value.value.details.quantization ?? '—'}</dd>
            <dt>Format</dt>
            <dd>{value.value.details.format ?? '—'}</dd>
            <dt>Capabilities</dt>
            <dd>{value.value.capabilities.join(', ') || '—'}</dd>
          </dl>
          {TEXT_FIELDS.map(([key, label]) => (
            <details key={key} className="lm-text-field" open={key === 'modelfile'}>
              <summary>{label}</summary>
              <pre tabIndex={0} aria-label={label}>
                {value.value[key] || '(empty)'}
              </pre>
            </details>
          ))}
        </>
      )}
    </section>
  )
}
