// Config screen state: the file as on disk (base), the edits (draft), validation, disk changes, sources.
import { create } from 'zustand'
import type {
  ConfigDocument,
  ConfigSourceFile,
  ConfigValidation,
} from '../../../shared/studio-config'
import type { ResolutionView } from '../../../shared/resolution'
import { AppError, errorMessage } from '../../platform/app-api'
import { getAppApi } from '../../platform/current-api'
import type { Loadable } from '../../stores/shell-store'
import { useShellStore } from '../../stores/shell-store'

export type ConfigView = 'form' | 'json'
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

interface ConfigState {
  base: Loadable<ConfigDocument>
  draft: string
  /** The result for `validatedText`; stale results are never shown against newer text. */
  validation: ConfigValidation | null
  validatedText: string | null
  saving: boolean
  saveError: string | null
  /** A sentence about the last thing that happened to the file (saved, reloaded). */
  notice: string | null
  /** The file changed on disk while there were edits: keep mine / take theirs / show diff. */
  incoming: ConfigDocument | null
  sources: Loadable<ConfigSourceFile[]>
  resolution: Loadable<ResolutionView>
  view: ConfigView
  /** Form fields typed into but not applied yet (by path), so Save and the guard count them. */
  staged: Record<string, { path: (string | number)[]; value: JsonValue | undefined }>
  /** Bumped by Revert, so form fields drop what was typed in them. */
  formRevision: number
  load: () => Promise<void>
  stage: (path: (string | number)[], value: string | undefined | null) => void
  commitStaged: (path: (string | number)[]) => Promise<void>
  setDraft: (text: string) => void
  applyEdit: (path: (string | number)[], value: JsonValue | undefined) => Promise<void>
  save: () => Promise<boolean>
  revert: () => void
  diskChanged: (doc: ConfigDocument) => void
  keepMine: () => void
  takeTheirs: () => void
  setView: (view: ConfigView) => void
  loadSources: () => Promise<void>
  loadResolution: () => Promise<void>
}

export function isDirty(
  state: Pick<ConfigState, 'base' | 'draft'> & Partial<Pick<ConfigState, 'staged'>>,
): boolean {
  if (state.base.state !== 'ready') return false
  return state.draft !== state.base.value.text || Object.keys(state.staged ?? {}).length > 0
}

const stageKey = (path: (string | number)[]) => JSON.stringify(path)

let validateTimer: ReturnType<typeof setTimeout> | undefined
let pendingEdits: Promise<void> = Promise.resolve()
const VALIDATE_DELAY_MS = 200

export const useConfigStore = create<ConfigState>()((set, get) => {
  const validateSoon = () => {
    if (validateTimer) clearTimeout(validateTimer)
    validateTimer = setTimeout(() => {
      const text = get().draft
      getAppApi()
        .config.validate({ text })
        .then(
          (validation) => {
            if (get().draft === text) set({ validation, validatedText: text })
          },
          () => undefined,
        )
    }, VALIDATE_DELAY_MS)
  }
  const showTheirs = async () => {
    try {
      const theirs = await getAppApi().config.read()
      if (theirs.revision !== get().incoming?.revision) set({ incoming: theirs })
    } catch {
      // The save error already says what happened; the banner needs the file, which is gone.
    }
  }
  const unstageAll = () => {
    const pending = Object.values(get().staged)
    set({ staged: {} })
    return pending
  }
  const afterDiskChange = () => {
    void get().loadResolution()
    void useShellStore.getState().refreshResolution()
  }
  return {
    base: { state: 'loading' },
    draft: '',
    validation: null,
    validatedText: null,
    saving: false,
    saveError: null,
    notice: null,
    incoming: null,
    sources: { state: 'loading' },
    resolution: { state: 'loading' },
    view: 'form',
    staged: {},
    formRevision: 0,

    stage(path, value) {
      const key = stageKey(path)
      set((s) => {
        const { [key]: _old, ...rest } = s.staged
        return {
          staged: value === null ? rest : { ...rest, [key]: { path, value } },
          saveError: null,
          notice: null,
        }
      })
    },

    async commitStaged(path) {
      const edit = get().staged[stageKey(path)]
      if (!edit) return
      get().stage(path, null)
      await get().applyEdit(edit.path, edit.value)
    },

    async load() {
      // Coming back with edits in place (the leave guard allowed it) keeps them.
      if (isDirty(get())) return
      try {
        const doc = await getAppApi().config.read()
        set({ base: { state: 'ready', value: doc }, draft: doc.text, incoming: null })
        validateSoon()
      } catch (error) {
        set({ base: { state: 'error', message: errorMessage(error) } })
      }
      void get().loadSources()
      void get().loadResolution()
    },

    setDraft(text) {
      if (text === get().draft) return
      set({ draft: text, saveError: null, notice: null })
      validateSoon()
    },

    applyEdit(path, value) {
      // One at a time, each on the draft the previous one left: two quick form edits (a field,
      // then a reorder) must not both start from the same text and lose the first.
      pendingEdits = pendingEdits.then(async () => {
        try {
          const { text } = await getAppApi().config.applyEdit({
            text: get().draft,
            path,
            ...(value === undefined ? {} : { value }),
          })
          get().setDraft(text)
        } catch (error) {
          set({ saveError: errorMessage(error) })
        }
      })
      return pendingEdits
    },

    async save() {
      const { base } = get()
      if (base.state !== 'ready') return false
      set({ saving: true, saveError: null, notice: null })
      // What is typed in a field counts as much as what was applied: Save takes both.
      for (const edit of unstageAll()) void get().applyEdit(edit.path, edit.value)
      // Every form edit on its way (staged just now, or applied before) belongs in this save.
      await pendingEdits
      if (get().saveError !== null) {
        set({ saving: false })
        return false
      }
      try {
        const text = get().draft
        const doc = await getAppApi().config.save({ text, baseRevision: base.value.revision })
        set({ base: { state: 'ready', value: doc }, draft: doc.text, incoming: null })
        set({ saving: false, notice: 'Saved. The previous version is kept as .bak next to it.' })
        validateSoon()
        afterDiskChange()
        return true
      } catch (error) {
        set({ saving: false, saveError: errorMessage(error) })
        // The file changed since it was read: offer keep mine / take theirs / diff against it.
        if (error instanceof AppError && error.code === 'conflict') await showTheirs()
        return false
      }
    },

    revert() {
      const { base } = get()
      if (base.state !== 'ready') return
      set((s) => ({
        draft: base.value.text,
        staged: {},
        formRevision: s.formRevision + 1,
        incoming: null,
        saveError: null,
        notice: null,
      }))
      validateSoon()
    },

    diskChanged(doc) {
      const state = get()
      if (state.base.state !== 'ready' || doc.revision === state.base.value.revision) return
      if (doc.text === state.base.value.text) {
        // Only a masked value (a key) changed: nothing to show, but the next save builds on it.
        set({ base: { state: 'ready', value: doc } })
        return
      }
      afterDiskChange()
      if (!isDirty(state) || doc.text === state.draft) {
        set({ base: { state: 'ready', value: doc }, draft: doc.text, incoming: null })
        set({ notice: isDirty(state) ? null : 'Reloaded: the file changed on disk.' })
        validateSoon()
        return
      }
      set({ incoming: doc })
    },

    keepMine() {
      const { incoming } = get()
      // Their version becomes the base, so my edits stay dirty and a save replaces theirs.
      if (incoming) set({ base: { state: 'ready', value: incoming }, incoming: null })
    },

    takeTheirs() {
      const { incoming } = get()
      if (!incoming) return
      set({ base: { state: 'ready', value: incoming }, draft: incoming.text, incoming: null })
      set({ notice: 'Took the version on disk; your edits were dropped.' })
      validateSoon()
    },

    setView: (view) => set({ view }),

    async loadSources() {
      try {
        set({ sources: { state: 'ready', value: await getAppApi().config.sources() } })
      } catch (error) {
        set({ sources: { state: 'error', message: errorMessage(error) } })
      }
    },

    async loadResolution() {
      try {
        set({ resolution: { state: 'ready', value: await getAppApi().factory.resolve() } })
      } catch (error) {
        set({ resolution: { state: 'error', message: errorMessage(error) } })
      }
    },
  }
})
