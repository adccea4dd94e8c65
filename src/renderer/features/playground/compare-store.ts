// Compare: one prompt to 2–4 provider/model pairs at once, each column streaming with its own metrics.
import { create } from 'zustand'
import type { ComparedWith, CompareToKeep } from './compare-memory'
import { keepCompare, recallCompare } from './compare-memory'
import type { AnswerMetrics, ChatErrorData, ChatSettings, UsedModel } from '../../../shared/chat'
import type { ProviderName } from '../../../shared/llm'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { newId, watchStream } from './stream-router'

export const MIN_COLUMNS = 2
export const MAX_COLUMNS = 4

export interface CompareColumn {
  key: string
  provider: ProviderName
  model: string
  streamId: string | null
  content: string
  status: 'idle' | 'streaming' | 'done' | 'stopped' | 'error'
  jsonMode: boolean
  metrics?: AnswerMetrics
  used?: UsedModel
  error?: ChatErrorData
}

interface CompareState {
  columns: CompareColumn[]
  draft: string
  /** The prompt the columns are answering (shown above them), and the settings it went with. */
  asked: string
  askedWith?: ComparedWith
  /** The workspace whose columns these are (they are kept per workspace); null until known. */
  workspace: string | null
  /** Brings back what was kept for `workspace`, unless columns were already put to use. */
  open: (workspace: string) => void
  setDraft: (draft: string) => void
  /** Fills empty columns with a pair (the chat's current one, then Mock) once models are known. */
  seed: (first: { provider: ProviderName; model: string }) => void
  addColumn: (pair: { provider: ProviderName; model: string }) => void
  removeColumn: (key: string) => void
  setPair: (key: string, change: Partial<Pick<CompareColumn, 'provider' | 'model'>>) => void
  /** A provider's default model arrived: it fills the column if that still shows the provider, empty. */
  offerDefaultModel: (key: string, provider: ProviderName, model: string) => void
  send: (settings: Omit<ChatSettings, 'provider' | 'model'>) => Promise<void>
  stop: () => Promise<void>
}

function column(pair: { provider: ProviderName; model: string }): CompareColumn {
  return {
    key: newId('col'),
    ...pair,
    streamId: null,
    content: '',
    status: 'idle',
    jsonMode: false,
  }
}

/** Columns nobody has asked anything yet (seeded, or only re-picked): a kept set may replace them. */
const untouched = (s: { columns: CompareColumn[]; asked: string }) =>
  s.asked === '' && s.columns.every((c) => c.status === 'idle')

function keptOf(s: CompareState): CompareToKeep {
  return {
    columns: s.columns.map(
      ({ provider, model, content, status, jsonMode, metrics, used, error }) => ({
        provider,
        model,
        content,
        status,
        jsonMode,
        ...(metrics ? { metrics } : {}),
        ...(used ? { used } : {}),
        ...(error ? { error } : {}),
      }),
    ),
    asked: s.asked,
    ...(s.askedWith ? { askedWith: s.askedWith } : {}),
  }
}

export const isStreaming = (columns: CompareColumn[]) =>
  columns.some((c) => c.status === 'streaming')

export const useCompareStore = create<CompareState>()((set, get) => {
  const change = (key: string, update: (c: CompareColumn) => Partial<CompareColumn>) =>
    set((s) => ({ columns: s.columns.map((c) => (c.key === key ? { ...c, ...update(c) } : c)) }))

  const run = async (col: CompareColumn, prompt: string, settings: ChatSettings) => {
    const streamId = newId('s')
    change(col.key, () => ({
      streamId,
      content: '',
      status: 'streaming',
      jsonMode: settings.jsonMode,
      metrics: undefined,
      used: undefined,
      error: undefined,
    }))
    const stopWatching = watchStream(streamId, {
      onText: (text) => change(col.key, (c) => ({ content: c.content + text })),
      onDone: (e) =>
        change(col.key, () => ({
          content: e.text,
          status: 'done',
          metrics: e.metrics,
          used: e.used,
        })),
      onError: (e) =>
        change(col.key, (c) => ({
          content: e.partialText.length >= c.content.length ? e.partialText : c.content,
          status: e.error.code === 'aborted' ? 'stopped' : 'error',
          ...(e.error.code === 'aborted' ? {} : { error: e.error }),
        })),
    })
    try {
      const reply = await getAppApi().chat.send({ streamId, settings, history: [], prompt })
      change(col.key, (c) => ({ used: c.used ?? reply.used }))
    } catch (error) {
      stopWatching()
      change(col.key, () => ({
        status: 'error',
        error: { code: 'internal', message: `Not sent: ${errorMessage(error)}` },
      }))
    }
  }

  return {
    columns: [],
    draft: '',
    asked: '',
    workspace: null,
    open(workspace) {
      const s = get()
      if (s.workspace === workspace) return
      const restored = recallCompare(workspace)
      if (restored && (untouched(s) || s.workspace !== null)) {
        const { columns, asked, askedWith } = restored
        set({
          workspace,
          columns: columns.map((c) => ({ ...c, key: newId('col'), streamId: null })),
          asked,
          askedWith,
        })
      } else if (s.workspace !== null && !isStreaming(s.columns)) {
        // Another workspace, nothing kept for it: its providers may differ, so start afresh.
        set({ workspace, columns: [], asked: '', askedWith: undefined })
      } else set({ workspace })
    },
    setDraft: (draft) => set({ draft }),
    seed(first) {
      if (get().columns.length > 0) return
      const second =
        first.provider === 'mock'
          ? { provider: 'mock' as const, model: 'mock-json' }
          : { provider: 'mock' as const, model: 'mock-model' }
      set({ columns: [column(first), column(second)] })
    },
    addColumn(pair) {
      if (get().columns.length >= MAX_COLUMNS || isStreaming(get().columns)) return
      set((s) => ({ columns: [...s.columns, column(pair)] }))
    },
    removeColumn(key) {
      if (get().columns.length <= MIN_COLUMNS || isStreaming(get().columns)) return
      set((s) => ({ columns: s.columns.filter((c) => c.key !== key) }))
    },
    setPair: (key, pair) => change(key, () => pair),
    offerDefaultModel: (key, provider, model) =>
      change(key, (c) => (c.provider === provider && c.model === '' ? { model } : {})),
    async send(settings) {
      const prompt = get().draft
      const { columns } = get()
      if (
        prompt.trim() === '' ||
        isStreaming(columns) ||
        columns.some((c) => c.model.trim() === '')
      )
        return
      set({ draft: '', asked: prompt, askedWith: settings })
      await Promise.all(
        columns.map((c) => run(c, prompt, { ...settings, provider: c.provider, model: c.model })),
      )
    },
    async stop() {
      const ids = get()
        .columns.filter((c) => c.status === 'streaming' && c.streamId)
        .map((c) => c.streamId!)
      await Promise.all(
        ids.map((streamId) =>
          getAppApi()
            .chat.stop({ streamId })
            .catch(() => undefined),
        ),
      )
    },
  }
})

/** While answers stream, their text is kept now and then; any other change is kept at once. */
export const COMPARE_KEEP_MS = 1000
let keepSoon: ReturnType<typeof setTimeout> | null = null

/** What changes other than streamed text (pairs, states, the prompt). */
const shapeOf = (s: CompareState) =>
  JSON.stringify([s.asked, s.columns.map((c) => [c.provider, c.model, c.status])])

useCompareStore.subscribe((s, previous) => {
  if (s.workspace === null) return
  if (s.columns === previous.columns && s.asked === previous.asked) return
  const workspace = s.workspace
  if (shapeOf(s) !== shapeOf(previous) || !isStreaming(s.columns)) {
    if (keepSoon) clearTimeout(keepSoon)
    keepSoon = null
    keepCompare(workspace, keptOf(s))
    return
  }
  keepSoon ??= setTimeout(() => {
    keepSoon = null
    const now = useCompareStore.getState()
    if (now.workspace === workspace) keepCompare(workspace, keptOf(now))
  }, COMPARE_KEEP_MS)
})
