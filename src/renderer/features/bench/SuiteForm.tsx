// The suite as a form: each field edits one value of the file's text (comments and layout survive).
import type { BenchSuite } from '../../../shared/bench'
import { TASK_TYPES } from '../../../shared/bench'
import { CommitOnBlurInput } from '../../components/CommitOnBlurInput'
import { useBenchStore } from './bench-store'

function numberOrUndefined(text: string): number | undefined {
  const value = Number(text)
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value
}

export function SuiteForm({ suite }: { suite: BenchSuite }) {
  const edit = (path: (string | number)[], value: unknown) =>
    void useBenchStore.getState().editField(path, value)
  return (
    <div className="bench-form">
      <div className="form-grid">
        <span className="form-label">Name</span>
        <CommitOnBlurInput label="Name" value={suite.name} onCommit={(v) => edit(['name'], v)} />
        <span className="form-label">Task type</span>
        <select
          className="select"
          aria-label="Task type"
          value={suite.task_type}
          onChange={(e) => edit(['task_type'], e.target.value)}
        >
          {TASK_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <span className="form-label">Models</span>
        <CommitOnBlurInput
          label="Models"
          value={suite.models.join(', ')}
          placeholder="groq/llama-3.1-8b-instant, mock/mock-model"
          onCommit={(v) =>
            edit(
              ['models'],
              v
                .split(',')
                .map((m) => m.trim())
                .filter(Boolean),
            )
          }
        />
        <span className="form-label">Repeats</span>
        <CommitOnBlurInput
          label="Repeats"
          value={String(suite.repeats)}
          onCommit={(v) => edit(['repeats'], numberOrUndefined(v))}
        />
        <span className="form-label">Concurrency</span>
        <CommitOnBlurInput
          label="Concurrency"
          value={String(suite.concurrency)}
          onCommit={(v) => edit(['concurrency'], numberOrUndefined(v))}
        />
        <span className="form-label">Temperature</span>
        <CommitOnBlurInput
          label="Temperature"
          value={suite.temperature === undefined ? '' : String(suite.temperature)}
          placeholder="provider default"
          onCommit={(v) => edit(['temperature'], numberOrUndefined(v))}
        />
      </div>
      <h3 className="bench-subtitle">Cases ({suite.cases.length})</h3>
      <ol className="bench-cases">
        {suite.cases.map((c, index) => (
          <li key={index} className="bench-case">
            <CommitOnBlurInput
              label={`Prompt of case ${index + 1}`}
              value={c.prompt}
              onCommit={(v) => edit(['cases', index, 'prompt'], v)}
            />
            <span className="muted">
              {c.id ?? `case-${index + 1}`}
              {c.json_mode ? ' · JSON mode' : ''}
              {c.max_tokens ? ` · max ${c.max_tokens} tokens` : ''} ·{' '}
              {c.checks.length === 0 ? 'no checks' : c.checks.map((k) => k.type).join(', ')}
            </span>
          </li>
        ))}
      </ol>
      <p className="muted">Checks, system prompts and new cases are edited in the Text view.</p>
    </div>
  )
}
