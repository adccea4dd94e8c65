// Compare: one prompt to 2–4 provider/model pairs at once, each column streaming with its own metrics.
import { create } from 'zustand'
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
  /** The prompt the columns are answering (shown above them). */
  asked: string
  setDraft: (draft: string) => void
  /** Fills empty columns with a pair (the chat's current one, then Mock) once models are known. */
  seed: (first: { provider: ProviderName; model: string }) => void
  addColumn: (pair: { provider: ProviderName; model: string }) => void
  removeColumn: (key: string) => void
  setPair: (key: string, change: Partial<Pick<CompareColumn, 'provider' | 'model'>>) => void
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
    async send(settings) {
      const prompt = get().draft
      const { columns } = get()
      if (
        prompt.trim() === '' ||
        isStreaming(columns) ||
        columns.some((c) => c.model.trim() === '')
      )
        return
      set({ draft: '', asked: prompt })
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
