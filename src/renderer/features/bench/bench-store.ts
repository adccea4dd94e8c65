// The Bench screen's state: suites and the one being edited, the live run, past runs, compare, write-back.
import { create } from 'zustand'
import type {
  BenchCall,
  BenchFinishedEvent,
  BenchProgressEvent,
  BenchRun,
  BenchRunListItem,
  SuiteFormat,
  SuiteListItem,
  SuiteValidation,
  TaskScoresProposal,
} from '../../../shared/bench'
import type { SuiteDocument } from '../../../shared/bench-contract'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { summarizeRun } from '../../../shared/bench-stats'

export interface SuiteDraft {
  /** The file it came from (null for a new suite). */
  id: string | null
  origin: SuiteDocument['origin'] | 'new'
  /** The name it is saved under in bench/. */
  fileName: string
  format: SuiteFormat
  text: string
  /** Matches `text` once the last validation returned; null while checking. */
  validation: SuiteValidation | null
  dirty: boolean
}

export interface LiveProgress {
  done: number
  total: number
  current: string[]
}

interface BenchState {
  suites: SuiteListItem[]
  runs: BenchRunListItem[]
  draft: SuiteDraft | null
  /** The run shown in the results (live while running, else loaded from disk). */
  run: BenchRun | null
  progress: LiveProgress | null
  compare: [BenchRun, BenchRun] | null
  proposal: TaskScoresProposal | null
  notice: { tone: 'ok' | 'error'; text: string } | null
  busy: boolean
  load: () => Promise<void>
  openSuite: (id: string) => Promise<void>
  newSuite: () => void
  setText: (text: string) => void
  setFileName: (name: string) => void
  editField: (path: (string | number)[], value: unknown) => Promise<void>
  saveSuite: () => Promise<void>
  start: () => Promise<void>
  cancel: () => Promise<void>
  openRun: (id: string) => Promise<void>
  compareRuns: (a: string, b: string) => Promise<void>
  closeCompare: () => void
  exportRun: (
    format: 'csv' | 'json',
  ) => Promise<{ filename: string; mimeType: string; content: string } | null>
  proposeTaskScores: () => Promise<void>
  confirmTaskScores: () => Promise<void>
  dismissProposal: () => void
  onProgress: (event: BenchProgressEvent) => void
  onFinished: (runId: string, status: BenchRun['status'], message?: string) => void
}

const NEW_SUITE = `# A bench suite: cases × models × repeats. Checks: contains, regex, equals, valid_json, json_schema.
name: My suite
task_type: simple_chat
models:
  - mock/mock-model
repeats: 1
concurrency: 4
cases:
  - prompt: Say hello in one short sentence.
    checks:
      - type: contains
        value: hello
        ignore_case: true
`

let validateTimer: ReturnType<typeof setTimeout> | undefined
// Calls arriving between two frames are applied together: a fast run must not re-render per call.
let pendingCalls: BenchCall[] = []
let frame: number | null = null
// A fast run's first events can arrive before bench:start has answered with the run's id: they are
// kept until it has, then applied (dropping them would lose results).
type EarlyEvent =
  { kind: 'progress'; event: BenchProgressEvent } | { kind: 'finished'; event: BenchFinishedEvent }
let early: EarlyEvent[] = []

function fileNameOf(doc: SuiteDocument): string {
  return doc.file.split(/[\\/]/).pop() ?? 'suite.yaml'
}

export const useBenchStore = create<BenchState>()((set, get) => {
  const fail = (error: unknown) => set({ notice: { tone: 'error', text: errorMessage(error) } })

  const validateSoon = () => {
    if (validateTimer) clearTimeout(validateTimer)
    validateTimer = setTimeout(() => {
      const draft = get().draft
      if (!draft) return
      const { text, format } = draft
      void getAppApi()
        .bench.validateSuite({ text, format })
        .then((validation) => {
          const now = get().draft
          if (now && now.text === text) set({ draft: { ...now, validation } })
        }, fail)
    }, 150)
  }

  const flushCalls = () => {
    frame = null
    const run = get().run
    if (!run || pendingCalls.length === 0) return
    const calls = [...run.calls, ...pendingCalls]
    pendingCalls = []
    set({ run: { ...run, calls, summaries: summarizeRun(run.suite.models, calls) } })
  }

  return {
    suites: [],
    runs: [],
    draft: null,
    run: null,
    progress: null,
    compare: null,
    proposal: null,
    notice: null,
    busy: false,

    async load() {
      try {
        const api = getAppApi()
        const [suites, runs] = await Promise.all([api.bench.suites(), api.bench.runs()])
        set({ suites, runs })
        if (!get().draft && suites[0]) await get().openSuite(suites[0].id)
      } catch (error) {
        fail(error)
      }
    },
    async openSuite(id) {
      try {
        const doc = await getAppApi().bench.readSuite({ id })
        set({
          draft: {
            id: doc.id,
            origin: doc.origin,
            fileName: fileNameOf(doc),
            format: doc.format,
            text: doc.text,
            validation: doc.validation,
            dirty: false,
          },
          notice: null,
        })
      } catch (error) {
        fail(error)
      }
    },
    newSuite() {
      set({
        draft: {
          id: null,
          origin: 'new',
          fileName: 'my-suite.yaml',
          format: 'yaml',
          text: NEW_SUITE,
          validation: null,
          dirty: true,
        },
      })
      validateSoon()
    },
    setText(text) {
      const draft = get().draft
      if (!draft) return
      set({ draft: { ...draft, text, dirty: true, validation: null } })
      validateSoon()
    },
    setFileName(fileName) {
      const draft = get().draft
      if (!draft) return
      const format: SuiteFormat = /\.json$/i.test(fileName) ? 'json' : 'yaml'
      set({ draft: { ...draft, fileName, format } })
      if (format !== draft.format) validateSoon()
    },
    async editField(path, value) {
      const draft = get().draft
      if (!draft) return
      try {
        const { text } = await getAppApi().bench.editSuite({
          text: draft.text,
          format: draft.format,
          path,
          ...(value === undefined ? {} : { value: value as never }),
        })
        get().setText(text)
      } catch (error) {
        fail(error)
      }
    },
    async saveSuite() {
      const draft = get().draft
      if (!draft) return
      try {
        const doc = await getAppApi().bench.saveSuite({ name: draft.fileName, text: draft.text })
        set({
          draft: { ...draft, id: doc.id, origin: 'workspace', dirty: false },
          notice: { tone: 'ok', text: `Saved ${doc.file}.` },
          suites: await getAppApi().bench.suites(),
        })
      } catch (error) {
        fail(error)
      }
    },
    async start() {
      const draft = get().draft
      if (!draft || get().progress) return
      pendingCalls = []
      early = []
      set({ busy: true, notice: null, compare: null, proposal: null })
      try {
        const run = await getAppApi().bench.start({
          text: draft.text,
          format: draft.format,
          suiteId: draft.id,
        })
        set({ run, progress: { done: 0, total: run.total, current: [] }, busy: false })
        const mine = early.filter((e) => e.event.runId === run.id)
        early = []
        for (const e of mine) {
          if (e.kind === 'progress') get().onProgress(e.event)
          else get().onFinished(e.event.runId, e.event.status, e.event.message)
        }
      } catch (error) {
        fail(error)
      } finally {
        set({ busy: false })
      }
    },
    async cancel() {
      const run = get().run
      if (!run || !get().progress) return
      try {
        await getAppApi().bench.cancel({ runId: run.id })
      } catch (error) {
        fail(error)
      }
    },
    async openRun(id) {
      try {
        pendingCalls = []
        set({ run: await getAppApi().bench.loadRun({ runId: id }), compare: null, proposal: null })
      } catch (error) {
        fail(error)
      }
    },
    async compareRuns(a, b) {
      try {
        const api = getAppApi()
        const [left, right] = await Promise.all([
          api.bench.loadRun({ runId: a }),
          api.bench.loadRun({ runId: b }),
        ])
        set({ compare: [left, right] })
      } catch (error) {
        fail(error)
      }
    },
    closeCompare: () => set({ compare: null }),
    async exportRun(format) {
      const run = get().run
      if (!run) return null
      try {
        return await getAppApi().bench.export({ runId: run.id, format })
      } catch (error) {
        fail(error)
        return null
      }
    },
    async proposeTaskScores() {
      const run = get().run
      if (!run) return
      try {
        set({ proposal: await getAppApi().bench.proposeTaskScores({ runId: run.id }) })
      } catch (error) {
        fail(error)
      }
    },
    async confirmTaskScores() {
      const proposal = get().proposal
      if (!proposal) return
      try {
        const files = proposal.files.map((f) => ({ path: f.path, before: f.before }))
        const { written } = await getAppApi().bench.writeTaskScores({
          runId: proposal.runId,
          files,
        })
        set({
          proposal: null,
          notice: {
            tone: 'ok',
            text: `task_scores written to ${written.join(', ')} (previous versions kept as .bak).`,
          },
        })
      } catch (error) {
        set({ proposal: null })
        fail(error)
      }
    },
    dismissProposal: () => set({ proposal: null }),
    onProgress(event) {
      if (get().run?.id !== event.runId) {
        if (get().busy) early.push({ kind: 'progress', event })
        return
      }
      set({ progress: { done: event.done, total: event.total, current: event.current } })
      if (event.calls.length === 0) return
      pendingCalls.push(...event.calls)
      frame ??= requestAnimationFrame(flushCalls)
    },
    onFinished(runId, status, message) {
      if (get().run?.id !== runId) {
        const event = { runId, status, ...(message ? { message } : {}) }
        if (get().busy) early.push({ kind: 'finished', event })
        return
      }
      if (frame !== null) cancelAnimationFrame(frame)
      flushCalls()
      const run = get().run!
      set({
        run: { ...run, status },
        progress: null,
        ...(message ? { notice: { tone: 'error' as const, text: message } } : {}),
      })
      // The saved file is the record: reload it (final summaries, finish time) and the runs list.
      void Promise.all([getAppApi().bench.loadRun({ runId }), getAppApi().bench.runs()]).then(
        ([saved, runs]) => set({ runs, ...(get().run?.id === runId ? { run: saved } : {}) }),
        fail,
      )
    },
  }
})
