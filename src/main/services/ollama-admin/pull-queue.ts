// Runs model pulls at most N at a time, reports each one's progress and speed, and cancels on request.
import { LlmError } from '../../../shared/llm'
import { queuedPull } from '../../../shared/ollama'
import type { OllamaPull, OllamaPullState } from '../../../shared/ollama'

export type PullState = OllamaPullState

/** One pull as listeners see it (plain data: it crosses IPC and SSE as is); the API adds the host. */
export type PullProgress = Omit<OllamaPull, 'host'>

/** One line of Ollama's pull stream. */
export interface PullUpdate {
  status: string
  digest?: string
  total?: number
  completed?: number
}

/** Performs one pull; must stop (reject) when `signal` aborts, and reject with LlmError on failure. */
export type PullRunner = (name: string, signal: AbortSignal) => AsyncIterable<PullUpdate>
export type PullListener = (progress: PullProgress) => void

export interface PullQueueOptions {
  maxConcurrent?: number
  /** Milliseconds clock used for speed; injectable so tests need no real time. */
  now?: () => number
}

interface PullJob {
  progress: PullProgress
  controller: AbortController
  /** Where the current layer started, to average its speed. */
  layer?: { digest: string; startedAt: number; startCompleted: number }
}

const ACTIVE: readonly PullState[] = ['queued', 'pulling']

export class PullQueue {
  private readonly jobs = new Map<string, PullJob>()
  private readonly waiting: PullJob[] = []
  private readonly listeners = new Set<PullListener>()
  private readonly maxConcurrent: number
  private readonly now: () => number
  private running = 0
  private nextId = 1

  constructor(
    private readonly run: PullRunner,
    options: PullQueueOptions = {},
  ) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 2)
    this.now = options.now ?? Date.now
  }

  /** Queues a pull and returns its id; a name already queued or pulling keeps its existing job. */
  enqueue(name: string): string {
    const existing = [...this.jobs.values()].find(
      (job) => job.progress.name === name && ACTIVE.includes(job.progress.state),
    )
    if (existing) return existing.progress.id
    const id = `pull-${this.nextId++}`
    const progress: PullProgress = queuedPull(id, name)
    const job: PullJob = { progress, controller: new AbortController() }
    this.jobs.set(id, job)
    this.waiting.push(job)
    this.emit(job)
    this.pump()
    return id
  }

  /** Cancels a queued pull (it never starts) or aborts a running one's HTTP request. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job || !ACTIVE.includes(job.progress.state)) return false
    if (job.progress.state === 'queued') {
      this.waiting.splice(this.waiting.indexOf(job), 1)
      this.update(job, { state: 'cancelled', status: 'cancelled' })
      return true
    }
    job.controller.abort()
    return true
  }

  subscribe(listener: PullListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every pull this queue has seen, oldest first. */
  list(): PullProgress[] {
    return [...this.jobs.values()].map((job) => ({ ...job.progress }))
  }

  /** Forgets finished pulls (done, error, cancelled). */
  clearFinished(): void {
    for (const [id, job] of this.jobs)
      if (!ACTIVE.includes(job.progress.state)) this.jobs.delete(id)
  }

  private pump(): void {
    while (this.running < this.maxConcurrent) {
      const job = this.waiting.shift()
      if (!job) return
      this.running += 1
      void this.execute(job).finally(() => {
        this.running -= 1
        this.pump()
      })
    }
  }

  private async execute(job: PullJob): Promise<void> {
    const { name } = job.progress
    this.update(job, { state: 'pulling', status: 'starting' })
    try {
      for await (const update of this.run(name, job.controller.signal)) this.onUpdate(job, update)
      this.update(job, { state: 'done', status: 'success', completed: job.progress.total })
    } catch (err) {
      if (job.controller.signal.aborted) {
        this.update(job, { state: 'cancelled', status: 'cancelled' })
        return
      }
      const error =
        err instanceof LlmError
          ? err
          : new LlmError({
              code: 'provider',
              provider: 'ollama',
              model: name,
              message: String(err),
            })
      this.update(job, { state: 'error', status: 'error', error: error.toJSON() })
    }
  }

  private onUpdate(job: PullJob, update: PullUpdate): void {
    const { digest, total, completed } = update
    // Lines without byte counts ("verifying sha256 digest") keep the bar where it was.
    if (digest === undefined || total === undefined || completed === undefined) {
      this.update(job, { status: update.status })
      return
    }
    const now = this.now()
    if (job.layer?.digest !== digest)
      job.layer = { digest, startedAt: now, startCompleted: completed }
    const elapsedMs = now - job.layer.startedAt
    const bytesPerSecond =
      elapsedMs > 0 ? Math.round(((completed - job.layer.startCompleted) * 1000) / elapsedMs) : 0
    this.update(job, { status: update.status, total, completed, bytesPerSecond })
  }

  private update(job: PullJob, change: Partial<PullProgress>): void {
    job.progress = { ...job.progress, ...change }
    this.emit(job)
  }

  private emit(job: PullJob): void {
    const snapshot = { ...job.progress }
    for (const listener of this.listeners) {
      // One broken listener (a closed window) must not stall the pulls or the other listeners.
      try {
        listener(snapshot)
      } catch {
        /* ignored on purpose */
      }
    }
  }
}
