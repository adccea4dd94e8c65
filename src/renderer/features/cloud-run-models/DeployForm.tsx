// The deploy spec as a form: service, project, region, GPU, CPU, memory, concurrency, instances, auth, baking.
import type { RefObject } from 'react'
import type { DeployIssue, DeploySpec, GpuChoice } from '../../../shared/deploy'
import { GPU_TYPES } from '../../../shared/deploy'

const GPU_LABELS: Record<GpuChoice, string> = {
  none: 'None (CPU only)',
  l4: `${GPU_TYPES.l4.label} (≥ ${GPU_TYPES.l4.minCpu} CPU, ${GPU_TYPES.l4.minMemoryGib} GiB)`,
  'rtx-pro-6000': `${GPU_TYPES['rtx-pro-6000'].label} (≥ ${GPU_TYPES['rtx-pro-6000'].minCpu} CPU, ${GPU_TYPES['rtx-pro-6000'].minMemoryGib} GiB)`,
}

export interface DeployFormProps {
  spec: DeploySpec
  issues: DeployIssue[]
  disabled: boolean
  first: RefObject<HTMLInputElement | null>
  onEdit: (patch: Partial<DeploySpec>) => void
  onGpu: (gpu: GpuChoice) => void
}

type NumberField = 'cpu' | 'memoryGib' | 'concurrency' | 'maxInstances'
const NUMBER_FIELDS: { field: NumberField; label: string }[] = [
  { field: 'cpu', label: 'CPU' },
  { field: 'memoryGib', label: 'Memory (GiB)' },
  { field: 'concurrency', label: 'Concurrency' },
  { field: 'maxInstances', label: 'Max instances' },
]

export function DeployForm({ spec, issues, disabled, first, onEdit, onGpu }: DeployFormProps) {
  const invalid = (field: keyof DeploySpec) =>
    issues.some((issue) => issue.field === field && issue.severity === 'error')
  const text = (field: 'service' | 'project' | 'region', label: string, placeholder = '') => (
    <label className="form-field">
      <span>{label}</span>
      <input
        ref={field === 'service' ? first : undefined}
        className="input mono"
        value={spec[field]}
        placeholder={placeholder}
        aria-invalid={invalid(field)}
        disabled={disabled}
        onChange={(e) => onEdit({ [field]: e.target.value })}
      />
    </label>
  )
  return (
    <div className="deploy-form">
      {text('service', 'Service name')}
      {text('project', 'Project', 'my-gcp-project')}
      {text('region', 'Region', 'us-central1')}
      <label className="form-field">
        <span>GPU</span>
        <select
          className="select"
          value={spec.gpu}
          disabled={disabled}
          onChange={(e) => onGpu(e.target.value as GpuChoice)}
        >
          {(Object.keys(GPU_LABELS) as GpuChoice[]).map((gpu) => (
            <option key={gpu} value={gpu}>
              {GPU_LABELS[gpu]}
            </option>
          ))}
        </select>
      </label>
      {NUMBER_FIELDS.map(({ field, label }) => (
        <label key={field} className="form-field">
          <span>{label}</span>
          <input
            className="input"
            type="number"
            min={1}
            step={1}
            value={Number.isFinite(spec[field]) ? spec[field] : ''}
            aria-invalid={invalid(field)}
            disabled={disabled}
            onChange={(e) =>
              onEdit({ [field]: e.target.value === '' ? NaN : Number(e.target.value) })
            }
          />
        </label>
      ))}
      <label className="deploy-check">
        <input
          type="checkbox"
          checked={spec.requireAuth}
          disabled={disabled}
          onChange={(e) => onEdit({ requireAuth: e.target.checked })}
        />
        <span>Require authentication (IAM, roles/run.invoker)</span>
      </label>
      <label className="deploy-check">
        <input
          type="checkbox"
          checked={spec.bakeWeights}
          disabled={disabled}
          onChange={(e) => onEdit({ bakeWeights: e.target.checked })}
        />
        <span>Bake the weights into the image (fast starts)</span>
      </label>
      <p className="muted deploy-note">
        {spec.ollamaName} needs about {spec.estMemoryGb} GB. Concurrency is also set as
        OLLAMA_NUM_PARALLEL; image ollama/ollama:{spec.ollamaTag}.
      </p>
    </div>
  )
}
