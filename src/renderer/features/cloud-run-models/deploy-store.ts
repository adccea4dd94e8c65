// The "Deploy to Cloud Run" dialog's state: the spec being edited, the files written, a live deploy run.
import { create } from 'zustand'
import type {
  DeployFinishedEvent,
  DeployLogEvent,
  DeploySpec,
  GpuChoice,
  WrittenDeployFiles,
} from '../../../shared/deploy'
import { resourcesFor } from '../../../shared/deploy'
import { errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import { useProviderRegistryStore } from '../../stores/provider-registry-store'
import { useShellStore } from '../../stores/shell-store'

/** A provider was added: pickers and the status bar see it. */
function providerAdded(): void {
  void useShellStore.getState().refreshResolution()
  void useProviderRegistryStore.getState().load()
}

export type DeployRun =
  | { state: 'running'; runId: string; log: string[] }
  | { state: 'done'; runId: string; log: string[]; url: string; provider: string }
  | { state: 'failed'; runId: string; log: string[]; kind: string; message: string }

export interface AddedService {
  provider: string
  url: string
}

interface DeployState {
  /** The catalog entry id the dialog is open for; null when closed. */
  modelId: string | null
  spec: DeploySpec | null
  gcloudFound: boolean
  installHint: string | null
  written: WrittenDeployFiles | null
  run: DeployRun | null
  added: AddedService | null
  busy: boolean
  error: string | null
  open: (modelId: string) => Promise<void>
  close: () => void
  edit: (patch: Partial<DeploySpec>) => void
  /** A new GPU choice brings its minimum CPU and memory (the model's estimate kept). */
  chooseGpu: (gpu: GpuChoice) => void
  write: () => Promise<void>
  deploy: () => Promise<void>
  cancel: () => Promise<void>
  addExisting: (url: string) => Promise<void>
  logged: (event: DeployLogEvent) => void
  finished: (event: DeployFinishedEvent) => void
}

const closed = {
  modelId: null,
  spec: null,
  gcloudFound: false,
  installHint: null,
  written: null,
  run: null,
  added: null,
  busy: false,
  error: null,
}

export const useDeployStore = create<DeployState>()((set, get) => ({
  ...closed,

  async open(modelId) {
    set({ ...closed, modelId, busy: true })
    try {
      const prepared = await getAppApi().deploy.prepare({ modelId })
      if (get().modelId !== modelId) return
      set({
        spec: prepared.spec,
        gcloudFound: prepared.gcloudFound,
        installHint: prepared.installHint ?? null,
        busy: false,
      })
    } catch (error) {
      set({ busy: false, error: errorMessage(error) })
    }
  },
  close() {
    set(closed)
  },
  edit(patch) {
    const spec = get().spec
    // Any change makes the written files stale: they are shown again after the next write.
    if (spec) set({ spec: { ...spec, ...patch }, written: null, error: null })
  },
  chooseGpu(gpu) {
    const spec = get().spec
    if (spec) get().edit({ gpu, ...resourcesFor(gpu, spec.estMemoryGb) })
  },
  async write() {
    const spec = get().spec
    if (!spec) return
    set({ busy: true, error: null })
    try {
      const written = await getAppApi().deploy.write({ spec })
      set({
        written,
        gcloudFound: written.gcloudFound,
        installHint: written.installHint ?? null,
        busy: false,
      })
    } catch (error) {
      set({ busy: false, error: errorMessage(error) })
    }
  },
  async deploy() {
    const spec = get().spec
    if (!spec) return
    const runId = `deploy-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    set({ run: { state: 'running', runId, log: [] }, error: null, added: null })
    try {
      await getAppApi().deploy.start({ spec, runId })
    } catch (error) {
      set({ run: null, error: errorMessage(error) })
    }
  },
  async cancel() {
    const run = get().run
    if (run?.state !== 'running') return
    try {
      await getAppApi().deploy.cancel({ runId: run.runId })
    } catch (error) {
      set({ error: errorMessage(error) })
    }
  },
  async addExisting(url) {
    const spec = get().spec
    if (!spec) return
    set({ busy: true, error: null })
    try {
      const added = await getAppApi().deploy.addService({
        name: spec.service,
        url,
        model: spec.ollamaName,
      })
      set({ added, busy: false })
      providerAdded()
    } catch (error) {
      set({ busy: false, error: errorMessage(error) })
    }
  },
  logged(event) {
    const run = get().run
    if (run?.runId !== event.runId) return
    set({ run: { ...run, log: [...run.log, event.line] } })
  },
  finished(event) {
    const run = get().run
    if (run?.runId !== event.runId) return
    if (event.ok) {
      set({
        run: { ...run, state: 'done', url: event.url, provider: event.provider },
        added: { provider: event.provider, url: event.url },
      })
      providerAdded()
    } else {
      set({ run: { ...run, state: 'failed', ...event.failure } })
    }
  },
}))
