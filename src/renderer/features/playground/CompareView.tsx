// Compare mode: 2–4 columns, each a provider/model pair streaming the same prompt, metrics per column.
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ProviderName } from '../../../shared/llm'
import { AnswerBody } from './AnswerBody'
import { PlainTextBoundary } from './PlainTextBlock'
import { ChatErrorNotice } from './ChatErrorNotice'
import { Composer } from './Composer'
import type { CompareColumn } from './compare-store'
import { isStreaming, MAX_COLUMNS, MIN_COLUMNS, useCompareStore } from './compare-store'
import { CopyButton } from '../../components/CopyButton'
import { MetricsLine } from './MetricsLine'
import { ModelPicker } from './ModelPicker'
import { RouteLine } from './RouteLine'
import { hasSettingsProblems } from './settings-problems'
import { usePlaygroundStore } from './playground-store'
import { useShellStore } from '../../stores/shell-store'
import type { ComparedWith } from './compare-memory'

/** Narrower than this, a column would split model names and figures mid-word. */
const COLUMN_MIN_WIDTH = '200px'

function ColumnView({ col, index, busy }: { col: CompareColumn; index: number; busy: boolean }) {
  const { models, defaultProvider, loadModels } = usePlaygroundStore(
    useShallow((s) => ({
      models: s.models[col.provider],
      defaultProvider: s.defaultProvider,
      loadModels: s.loadModels,
    })),
  )
  const { setPair, offerDefaultModel, removeColumn, count } = useCompareStore(
    useShallow((s) => ({
      setPair: s.setPair,
      offerDefaultModel: s.offerDefaultModel,
      removeColumn: s.removeColumn,
      count: s.columns.length,
    })),
  )
  // A column's provider may never have been listed (a seeded or restored column, lists dropped
  // after a config change): ask, or the picker would wait for a list nobody requested.
  const unlisted = models === undefined
  useEffect(() => {
    if (unlisted) void loadModels(col.provider)
  }, [unlisted, col.provider, loadModels])
  const chooseProvider = (provider: ProviderName) => {
    setPair(col.key, { provider, model: '' })
    void loadModels(provider).then((list) => {
      // Only if the column still shows that provider: a later pick must not get this default.
      if (list) offerDefaultModel(col.key, provider, list.defaultModel)
    })
  }
  const name = `${col.provider} · ${col.model || 'no model'}`
  return (
    <section className="compare-column" aria-label={`Column ${index + 1}`}>
      <div className="compare-column-head">
        <ModelPicker
          id={`compare-model-${index + 1}`}
          nameSuffix={` (column ${index + 1})`}
          provider={col.provider}
          model={col.model}
          defaultProvider={defaultProvider}
          models={models}
          disabled={busy}
          onProvider={chooseProvider}
          onModel={(model) => setPair(col.key, { model })}
          onReload={() => void loadModels(col.provider, { force: true })}
        />
        {count > MIN_COLUMNS && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove column ${index + 1}`}
            disabled={busy}
            onClick={() => removeColumn(col.key)}
          >
            ×
          </button>
        )}
      </div>
      <div
        className="response compare-response"
        role="region"
        aria-label={`Response from ${name}`}
        aria-busy={col.status === 'streaming'}
      >
        {col.status === 'idle' && <p className="hint">The answer appears here.</p>}
        {col.status === 'streaming' && col.content === '' && (
          <p className="turn-waiting">Waiting for the first token…</p>
        )}
        {(col.content !== '' || col.error?.code === 'invalid_json') && (
          <PlainTextBoundary what="This answer" text={col.content}>
            <AnswerBody
              turn={{
                content: col.content,
                status: col.status === 'idle' ? 'done' : col.status,
                jsonMode: col.jsonMode,
                error: col.error,
              }}
            />
          </PlainTextBoundary>
        )}
        {col.status === 'stopped' && <p className="turn-note">Stopped.</p>}
        {col.error && col.error.code !== 'invalid_json' && <ChatErrorNotice error={col.error} />}
        <MetricsLine metrics={col.metrics} used={col.used} failed={col.status === 'error'} />
        <RouteLine
          attempts={col.error?.attempts ?? col.used?.attempts}
          answered={col.error ? null : col.used}
        />
        {col.status === 'done' && (
          <CopyButton label={`Copy answer from column ${index + 1}`} text={() => col.content} />
        )}
      </div>
    </section>
  )
}

/** "temperature 0.2 · max 300 tokens · JSON mode": what the shown answers were asked with. */
function askedWithText(settings: ComparedWith | undefined): string {
  if (!settings) return ''
  const parts = [
    settings.system.trim() !== '' ? 'system prompt' : '',
    settings.temperature === undefined ? '' : `temperature ${settings.temperature}`,
    settings.maxTokens === undefined ? '' : `max ${settings.maxTokens} tokens`,
    settings.jsonMode ? 'JSON mode' : '',
    settings.failover?.enabled ? 'failover' : '',
  ].filter((part) => part !== '')
  return parts.length > 0 ? ` (${parts.join(' · ')})` : ''
}

export function CompareView() {
  const workspace = useShellStore((s) => (s.info.state === 'ready' ? s.info.value.workspace : null))
  useEffect(() => {
    if (workspace !== null) useCompareStore.getState().open(workspace)
  }, [workspace])
  const { columns, draft, asked, askedWith, setDraft, send, stop, addColumn } = useCompareStore(
    useShallow((s) => ({
      columns: s.columns,
      draft: s.draft,
      asked: s.asked,
      askedWith: s.askedWith,
      setDraft: s.setDraft,
      send: s.send,
      stop: s.stop,
      addColumn: s.addColumn,
    })),
  )
  const settings = usePlaygroundStore((s) => s.settings)
  const busy = isStreaming(columns)
  const { system, temperature, maxTokens, jsonMode, failover } = settings
  return (
    <div className="compare">
      <div className="compare-toolbar">
        <p className="hint">
          {asked ? (
            <>
              Prompt: <q className="compare-asked">{asked}</q>
              {askedWithText(askedWith)}
            </>
          ) : (
            'One prompt, answered side by side. System prompt, temperature, max tokens and JSON mode come from the settings.'
          )}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={busy || columns.length >= MAX_COLUMNS}
          onClick={() => addColumn({ provider: settings.provider, model: settings.model })}
        >
          Add model
        </button>
      </div>
      <div
        className="compare-columns"
        style={{
          gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(${COLUMN_MIN_WIDTH}, 1fr))`,
        }}
      >
        {columns.map((col, index) => (
          <ColumnView key={col.key} col={col} index={index} busy={busy} />
        ))}
      </div>
      <Composer
        draft={draft}
        busy={busy}
        canSend={columns.every((c) => c.model.trim() !== '') && !hasSettingsProblems(settings)}
        placeholder="One prompt for every column…"
        onDraft={setDraft}
        onSend={() =>
          void send({
            system,
            jsonMode,
            ...(failover ? { failover } : {}),
            ...(temperature === undefined ? {} : { temperature }),
            ...(maxTokens === undefined ? {} : { maxTokens }),
          })
        }
        onStop={() => void stop()}
      />
    </div>
  )
}
