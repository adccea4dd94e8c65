// The bench:* methods: suites in the workspace, runs in the background with progress events, results.
import type { BenchRun, SuiteFormat } from '../../shared/bench'
import {
  applyOverrides,
  BenchRuns,
  BenchRunStore,
  describeBenchError,
  editSuiteText,
  exportRun,
  proposeTaskScores,
  RunNotFoundError,
  SuiteNotFoundError,
  SuiteStore,
  TaskScoresConflictError,
  validateSuiteText,
  writeTaskScores,
} from '../services/bench'
import type { ScoreUpdate } from '../services/bench'
import { join } from 'node:path'
import { AppError, redactSecrets } from './app-error'
import type { ApiHandlers } from './dispatch'
import type { AppEventBus } from './event-bus'
import type { WorkspaceSession } from './workspace-session'

export interface BenchHandlerDeps {
  session: WorkspaceSession
  version: string
  events?: AppEventBus
  /** The app's config/ templates; its bench/ holds the shipped example suites. */
  templatesDir?: string
}

type BenchChannel = Extract<keyof ApiHandlers, `bench:${string}`>
export type BenchHandlers = Pick<ApiHandlers, BenchChannel>

/** Service errors the contract names: missing files and runs, a file changed under a confirm. */
async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof SuiteNotFoundError || error instanceof RunNotFoundError) {
      throw new AppError('not_found', error.message, { cause: error })
    }
    if (error instanceof TaskScoresConflictError) {
      throw new AppError('bad_request', error.message, { cause: error })
    }
    throw error
  }
}

function validSuiteOrThrow(text: string, format: SuiteFormat, file: string) {
  const validation = validateSuiteText(text, format, file)
  if (!validation.ok) {
    const { line, column, message } = validation.issue
    throw new AppError('config_invalid', `The suite is not valid (${line}:${column}): ${message}`)
  }
  return validation.suite
}

/** Pass rates of the models that really answered (a Mock standing in for a provider writes nothing). */
function scoreUpdates(run: BenchRun): ScoreUpdate[] {
  return run.targets.flatMap((target) => {
    const summary = run.summaries.find((s) => s.model === target.model)
    if (!summary || summary.calls === 0 || target.fallbackReason !== null) return []
    return [{ provider: target.provider, model: target.modelName, score: summary.passRate }]
  })
}

export function createBenchHandlers(deps: BenchHandlerDeps): BenchHandlers {
  const runs = new BenchRuns({
    appVersion: deps.version,
    sink: {
      progress: (event) => deps.events?.emit('bench:progress', event),
      finished: (event) => deps.events?.emit('bench:finished', event),
    },
    describeError: (error) => {
      const data = describeBenchError(error)
      return { ...data, message: redactSecrets(data.message) }
    },
  })
  const workspace = () => deps.session.current.workspace
  const suites = () =>
    new SuiteStore(workspace(), deps.templatesDir ? join(deps.templatesDir, 'bench') : undefined)
  const store = () => new BenchRunStore(workspace())
  const proposal = async (runId: string) => {
    const run = await store().load(runId)
    const files = await proposeTaskScores(workspace(), run.suite.task_type, scoreUpdates(run))
    return { runId, taskType: run.suite.task_type, files }
  }

  return {
    'bench:suites': () => suites().list(),
    'bench:readSuite': ({ id }) => mapped(suites().read(id)),
    'bench:validateSuite': ({ text, format }) =>
      Promise.resolve(
        validateSuiteText(text, format, format === 'yaml' ? 'suite.yaml' : 'suite.json'),
      ),
    'bench:editSuite': ({ text, format, path, value }) => {
      try {
        return Promise.resolve({ text: editSuiteText(text, format, path, value) })
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error)
        return Promise.reject(new AppError('config_invalid', `Cannot change the suite: ${detail}`))
      }
    },
    'bench:saveSuite': async ({ name, text }) => {
      const saved = await mapped(suites().save(name, text))
      if (!saved.validation.ok) {
        const { line, column, message } = saved.validation.issue
        throw new AppError('config_invalid', `Not saved: ${line}:${column}: ${message}`)
      }
      return saved
    },
    'bench:start': async ({ text, format, suiteId, models, repeats, concurrency }) => {
      const suite = validSuiteOrThrow(text, format, suiteId ?? 'suite')
      const overridden = applyOverrides(suite, {
        ...(models ? { models } : {}),
        ...(repeats ? { repeats } : {}),
        ...(concurrency ? { concurrency } : {}),
      })
      return runs.start(deps.session.current.factory, workspace(), { suite: overridden, suiteId })
    },
    'bench:cancel': ({ runId }) => Promise.resolve({ cancelled: runs.cancel(runId) }),
    'bench:runs': () => store().list(),
    'bench:loadRun': ({ runId }) => mapped(store().load(runId)),
    'bench:export': async ({ runId, format }) =>
      exportRun(await mapped(store().load(runId)), format),
    'bench:proposeTaskScores': ({ runId }) => mapped(proposal(runId)),
    'bench:writeTaskScores': async ({ runId, files }) => {
      const current = await mapped(proposal(runId))
      const shown = new Map(files.map((f) => [f.path, f.before]))
      const unchanged =
        current.files.length === files.length &&
        current.files.every((f) => shown.has(f.path) && shown.get(f.path) === f.before)
      if (!unchanged) {
        throw new AppError(
          'bad_request',
          'The models files changed since the diff was shown; review the new diff and confirm again.',
        )
      }
      return { written: await mapped(writeTaskScores(current.files)) }
    },
  }
}
