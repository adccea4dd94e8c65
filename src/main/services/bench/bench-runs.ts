// Runs in the app: resolve each model through the factory, run in the background, push batched progress, save.
import type {
  BenchCall,
  BenchFinishedEvent,
  BenchProgressEvent,
  BenchRun,
  BenchSuite,
  BenchTarget,
} from '../../../shared/bench'
import { splitModelRef } from '../../../shared/bench'
import type { LlmFactory } from '../factory'
import { BenchRunStore } from './run-store'
import type { BenchJob, RunnerTarget } from './runner'
import { caseIdOf, planJobs, runBench } from './runner'
import { summarizeRun } from '../../../shared/bench-stats'

export interface BenchRunSink {
  progress(event: BenchProgressEvent): void
  finished(event: BenchFinishedEvent): void
}

export interface BenchOverrides {
  models?: string[]
  repeats?: number
  concurrency?: number
}

/** The suite with the caller's overrides (CLI flags, the screen's model picks) applied. */
export function applyOverrides(suite: BenchSuite, overrides: BenchOverrides): BenchSuite {
  return {
    ...suite,
    ...(overrides.models && overrides.models.length > 0 ? { models: overrides.models } : {}),
    ...(overrides.repeats ? { repeats: overrides.repeats } : {}),
    ...(overrides.concurrency ? { concurrency: overrides.concurrency } : {}),
  }
}

/** What answers each `provider/model`: its handler for the runner, its key-free description for the run. */
export async function resolveTargets(
  factory: LlmFactory,
  models: readonly string[],
): Promise<{ targets: BenchTarget[]; runners: RunnerTarget[] }> {
  const targets: BenchTarget[] = []
  const runners: RunnerTarget[] = []
  for (const ref of models) {
    // Provider names are open strings; an unknown one becomes the Mock with a fallbackReason.
    const args = splitModelRef(ref)
    const [{ view }, handler] = await Promise.all([
      factory.resolve(args),
      factory.createLlmHandler(args),
    ])
    targets.push({
      model: ref,
      provider: handler.providerName,
      modelName: args.model,
      baseUrl: view.baseUrl,
      handler: view.handler,
      fallbackReason: view.fallbackReason,
    })
    runners.push({ model: ref, modelName: args.model, handler })
  }
  return { targets, runners }
}

export function jobLabel(suite: BenchSuite, job: BenchJob): string {
  return `${job.model} · ${caseIdOf(suite, job.caseIndex)} · repeat ${job.repeat}`
}

export interface BenchRunsOptions {
  sink: BenchRunSink
  appVersion: string
  describeError?: (error: unknown) => NonNullable<BenchCall['error']>
  /** Progress is pushed at most this often: a fast provider finishes calls faster than a screen paints. */
  flushMs?: number
}

export interface StartRunRequest {
  suite: BenchSuite
  suiteId: string | null
}

export class BenchRuns {
  private readonly running = new Map<
    string,
    { controller: AbortController; done: Promise<BenchRun> }
  >()
  private sequence = 0

  constructor(private readonly options: BenchRunsOptions) {}

  /** Resolves the models, then runs in the background; returns the run as it starts. */
  async start(factory: LlmFactory, workspace: string, request: StartRunRequest): Promise<BenchRun> {
    const { suite } = request
    const { targets, runners } = await resolveTargets(factory, suite.models)
    const now = new Date()
    const id = `${now
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}-${(this.sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const run: BenchRun = {
      id,
      suite,
      suiteId: request.suiteId,
      appVersion: this.options.appVersion,
      startedAt: now.toISOString(),
      finishedAt: null,
      status: 'running',
      targets,
      total: planJobs(suite, suite.models).length,
      calls: [],
      summaries: summarizeRun(suite.models, []),
    }
    const controller = new AbortController()
    const done = this.execute(run, runners, controller.signal, new BenchRunStore(workspace))
    this.running.set(id, { controller, done })
    void done.finally(() => this.running.delete(id))
    return { ...run, calls: [] }
  }

  cancel(id: string): boolean {
    const entry = this.running.get(id)
    if (!entry) return false
    entry.controller.abort()
    return true
  }

  cancelAll(): void {
    for (const entry of this.running.values()) entry.controller.abort()
  }

  /** The finished run (tests, and callers that want to wait). */
  async finished(id: string): Promise<BenchRun | undefined> {
    return this.running.get(id)?.done
  }

  private async execute(
    run: BenchRun,
    runners: RunnerTarget[],
    signal: AbortSignal,
    store: BenchRunStore,
  ): Promise<BenchRun> {
    const inFlight = new Map<string, string>()
    let pending: BenchCall[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      const calls = pending
      pending = []
      this.options.sink.progress({
        runId: run.id,
        done: run.calls.length,
        total: run.total,
        current: [...inFlight.values()],
        calls,
      })
    }
    const schedule = () => (timer ??= setTimeout(flush, this.options.flushMs ?? 100))
    const key = (j: { model: string; caseIndex: number; repeat: number }) =>
      `${j.model}|${j.caseIndex}|${j.repeat}`
    let message: string | undefined
    try {
      const outcome = await runBench({
        suite: run.suite,
        targets: runners,
        signal,
        ...(this.options.describeError ? { describeError: this.options.describeError } : {}),
        onCallStart: (job) => {
          inFlight.set(key(job), jobLabel(run.suite, job))
          schedule()
        },
        onCallDone: (call) => {
          inFlight.delete(key(call))
          run.calls.push(call)
          pending.push(call)
          schedule()
        },
      })
      run.status = outcome.cancelled ? 'cancelled' : 'done'
    } catch (error) {
      run.status = 'failed'
      message = error instanceof Error ? error.message : String(error)
    }
    inFlight.clear()
    flush()
    run.finishedAt = new Date().toISOString()
    run.summaries = summarizeRun(run.suite.models, run.calls)
    try {
      await store.save(run)
    } catch (error) {
      message = `The run finished but could not be saved: ${error instanceof Error ? error.message : String(error)}`
    }
    this.options.sink.finished({
      runId: run.id,
      status: run.status,
      ...(message ? { message } : {}),
    })
    return run
  }
}
