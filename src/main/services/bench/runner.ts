// Runs a suite: cases × models × repeats through the factory's streamText, at most N calls at once.
import type { BenchCall, BenchSuite } from '../../../shared/bench'
import type { GenerateOptions, StreamEvent } from '../../../shared/llm'
import { LlmError } from '../../../shared/llm'
import { checkAnswer } from './checks'

/** The one thing the runner needs from an LlmHandler. */
export interface BenchStreamer {
  streamText(prompt: string, options?: GenerateOptions): AsyncIterable<StreamEvent>
}

export interface RunnerTarget {
  /** The suite's `provider/model`. */
  model: string
  /** The model name sent to the provider's API. */
  modelName: string
  handler: BenchStreamer
}

export interface BenchJob {
  caseIndex: number
  model: string
  repeat: number
}

export interface RunBenchOptions {
  suite: BenchSuite
  /** One per model of the suite, in its order. */
  targets: readonly RunnerTarget[]
  /** Aborting stops new calls and closes the open requests; their calls are not recorded. */
  signal?: AbortSignal
  onCallStart?: (job: BenchJob) => void
  onCallDone?: (call: BenchCall) => void
  /** Turns a failure into the row's error (main redacts keys there). */
  describeError?: (error: unknown) => NonNullable<BenchCall['error']>
  now?: () => number
}

export interface BenchOutcome {
  calls: BenchCall[]
  cancelled: boolean
}

/** Answers are kept for the results view, not as an archive: long ones are cut. */
export const MAX_ANSWER_CHARS = 4000

export function describeBenchError(error: unknown): NonNullable<BenchCall['error']> {
  if (error instanceof LlmError) return { code: error.code, message: error.message }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

/** The calls in the order they start: repeat by repeat, case by case, every model in turn. */
export function planJobs(suite: BenchSuite, models: readonly string[]): BenchJob[] {
  const jobs: BenchJob[] = []
  for (let repeat = 1; repeat <= suite.repeats; repeat++) {
    for (let caseIndex = 0; caseIndex < suite.cases.length; caseIndex++) {
      for (const model of models) jobs.push({ caseIndex, model, repeat })
    }
  }
  return jobs
}

export function caseIdOf(suite: BenchSuite, caseIndex: number): string {
  return suite.cases[caseIndex]?.id ?? `case-${caseIndex + 1}`
}

export async function runBench(options: RunBenchOptions): Promise<BenchOutcome> {
  const { suite, signal } = options
  const targets = new Map(options.targets.map((t) => [t.model, t]))
  const jobs = planJobs(
    suite,
    options.targets.map((t) => t.model),
  )
  const calls: BenchCall[] = []
  let next = 0
  const aborted = () => signal?.aborted === true
  const worker = async () => {
    while (next < jobs.length && !aborted()) {
      const job = jobs[next++]!
      options.onCallStart?.(job)
      const call = await runCall(job, targets.get(job.model)!, options)
      // A call cut short by Cancel measured the cancel, not the model.
      if (call === null || aborted()) continue
      calls.push(call)
      options.onCallDone?.(call)
    }
  }
  const width = Math.max(1, Math.min(suite.concurrency, jobs.length))
  await Promise.all(Array.from({ length: width }, worker))
  return { calls, cancelled: aborted() }
}

async function runCall(
  job: BenchJob,
  target: RunnerTarget,
  options: RunBenchOptions,
): Promise<BenchCall | null> {
  const { suite, signal } = options
  const now = options.now ?? (() => performance.now())
  const benchCase = suite.cases[job.caseIndex]!
  const started = now()
  let firstTokenMs: number | null = null
  let text = ''
  let done: Extract<StreamEvent, { type: 'done' }> | undefined
  let error: BenchCall['error'] = null
  try {
    const events = target.handler.streamText(benchCase.prompt, {
      model: target.modelName,
      ...(benchCase.system === undefined ? {} : { system: benchCase.system }),
      ...(benchCase.json_mode === undefined ? {} : { jsonMode: benchCase.json_mode }),
      ...(benchCase.max_tokens === undefined ? {} : { maxTokens: benchCase.max_tokens }),
      ...(suite.temperature === undefined ? {} : { temperature: suite.temperature }),
      ...(signal ? { signal } : {}),
    })
    for await (const event of events) {
      if (event.type === 'delta') {
        firstTokenMs ??= now() - started
        text += event.text
      } else {
        done = event
      }
    }
  } catch (failure) {
    if (signal?.aborted === true) return null
    error = (options.describeError ?? describeBenchError)(failure)
    // JSON mode's invalid_json still carries the answer: the checks can say what is wrong with it.
    if (failure instanceof LlmError && failure.text !== undefined) text = failure.text
  }
  const { checks, jsonValid } = checkAnswer(benchCase, done?.text ?? text)
  return {
    caseIndex: job.caseIndex,
    caseId: caseIdOf(suite, job.caseIndex),
    model: job.model,
    repeat: job.repeat,
    firstTokenMs: done ? done.timings.firstTokenMs : firstTokenMs,
    totalMs: done ? done.timings.totalMs : now() - started,
    tokensPerSecond: done?.timings.tokensPerSecond ?? null,
    promptTokens: done?.usage.promptTokens ?? null,
    completionTokens: done?.usage.completionTokens ?? null,
    error,
    checks,
    pass: error === null && checks.every((c) => c.pass),
    jsonValid,
    text: (done?.text ?? text).slice(0, MAX_ANSWER_CHARS),
  }
}
