// Specifies model pulls through OllamaAdmin's PullQueue: progress, speed, concurrency, cancel and errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OllamaAdmin } from '../../../src/main/services/ollama-admin'
import type { PullProgress, PullQueue, PullState } from '../../../src/main/services/ollama-admin'
import { startFakeOllama } from '../../fakes/ollama-server'
import type { FakeOllama } from '../../fakes/ollama-server'
import { clientClosedEarly } from '../../helpers/provider-calls'

let fake: FakeOllama

beforeEach(async () => {
  fake = await startFakeOllama({
    models: ['phi3:mini'],
    registry: [
      { name: 'qwen2.5:0.5b', size: 400_000_000 },
      { name: 'gemma3:1b', size: 800_000_000 },
      { name: 'llama3.2:1b', size: 1_200_000_000 },
    ],
    pullSteps: 4,
  })
})
afterEach(async () => {
  await fake.close()
})

/** A clock that moves one second each time it is read. */
function steppingClock(): () => number {
  let now = 0
  return () => (now += 1000)
}

/** Resolves with the pull's progress once it reaches `state` (checking the current state first). */
function pullReaches(queue: PullQueue, id: string, state: PullState): Promise<PullProgress> {
  return new Promise((resolve) => {
    const current = queue.list().find((p) => p.id === id)
    if (current?.state === state) return resolve(current)
    const unsubscribe = queue.subscribe((progress) => {
      if (progress.id !== id || progress.state !== state) return
      unsubscribe()
      resolve(progress)
    })
  })
}

function stateOf(queue: PullQueue, id: string): PullState | undefined {
  return queue.list().find((p) => p.id === id)?.state
}

describe('PullQueue (through OllamaAdmin)', () => {
  it('reports progress from queued through pulling to done, then lists the model', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url, now: steppingClock() })
    const events: PullProgress[] = []
    admin.pulls.subscribe((p) => events.push(p))

    const id = admin.pulls.enqueue('qwen2.5:0.5b')
    const done = await pullReaches(admin.pulls, id, 'done')

    expect(done).toMatchObject({ name: 'qwen2.5:0.5b', status: 'success', completed: 400_000_000 })
    expect(events[0]).toMatchObject({ id, state: 'queued' })
    expect(events.map((e) => e.status)).toEqual(
      expect.arrayContaining(['pulling manifest', 'verifying sha256 digest', 'writing manifest']),
    )
    const downloading = events.filter((e) => e.status.startsWith('pulling ') && e.total > 0)
    expect(downloading.map((e) => e.completed)).toEqual([
      0, 100_000_000, 200_000_000, 300_000_000, 400_000_000,
    ])
    expect(downloading.every((e) => e.total === 400_000_000)).toBe(true)
    expect((await admin.list()).map((m) => m.name)).toContain('qwen2.5:0.5b')
  })

  it('computes bytesPerSecond from the injected clock', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url, now: steppingClock() })
    const events: PullProgress[] = []
    admin.pulls.subscribe((p) => events.push(p))

    await pullReaches(admin.pulls, admin.pulls.enqueue('qwen2.5:0.5b'), 'done')

    // 100 MB more per progress line, one (fake) second apart.
    const downloading = events.filter((e) => e.status.startsWith('pulling ') && e.total > 0)
    expect(downloading.map((e) => e.bytesPerSecond)).toEqual([0, 1e8, 1e8, 1e8, 1e8])
  })

  it('runs at most two pulls at once and starts the third when one finishes', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url })
    fake.hold(1)

    const ids = ['qwen2.5:0.5b', 'gemma3:1b', 'llama3.2:1b'].map((n) => admin.pulls.enqueue(n))
    await fake.waitForRequests('/api/pull', 2)

    expect(ids.map((id) => stateOf(admin.pulls, id))).toEqual(['pulling', 'pulling', 'queued'])
    expect(fake.state.pullsInFlight).toBe(2)

    fake.release()
    await Promise.all(ids.map((id) => pullReaches(admin.pulls, id, 'done')))

    expect(fake.requestsTo('/api/pull')).toHaveLength(3)
    expect(fake.state.peakPullsInFlight).toBe(2)
  })

  it('cancelling a running pull aborts its HTTP request and installs nothing', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url })
    fake.hold(1)

    const id = admin.pulls.enqueue('gemma3:1b')
    const [request] = await fake.waitForRequests('/api/pull')
    expect(admin.pulls.cancel(id)).toBe(true)

    expect(await pullReaches(admin.pulls, id, 'cancelled')).toMatchObject({ state: 'cancelled' })
    expect(await clientClosedEarly(request)).toBe(true)
    fake.release()
    expect((await admin.list()).map((m) => m.name)).not.toContain('gemma3:1b')
  })

  it('cancelling a queued pull drops it before any request is made', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url, maxConcurrentPulls: 1 })
    fake.hold(1)

    const first = admin.pulls.enqueue('qwen2.5:0.5b')
    const second = admin.pulls.enqueue('gemma3:1b')
    expect(admin.pulls.cancel(second)).toBe(true)
    expect(stateOf(admin.pulls, second)).toBe('cancelled')

    fake.release()
    await pullReaches(admin.pulls, first, 'done')
    expect(fake.requestsTo('/api/pull').map((r) => r.body)).toEqual([
      { name: 'qwen2.5:0.5b', stream: true },
    ])
    expect(admin.pulls.cancel(second)).toBe(false)
  })

  it('ends a pull of an unknown name in the error state with a clear message', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url })

    const id = admin.pulls.enqueue('no-such-model:7b')
    const failed = await pullReaches(admin.pulls, id, 'error')

    expect(failed.error).toMatchObject({ code: 'model_not_found', model: 'no-such-model:7b' })
    expect(failed.error?.message).toBe(
      'Model no-such-model:7b was not found in the Ollama library — check the name (see https://ollama.com/library).',
    )
  })

  it('ends a pull in the error state when Ollama is not reachable', async () => {
    const down = fake
    fake = await startFakeOllama()
    await down.close()
    const admin = new OllamaAdmin({ baseUrl: down.url })

    const failed = await pullReaches(admin.pulls, admin.pulls.enqueue('gemma3:1b'), 'error')

    expect(failed.error).toMatchObject({ code: 'unreachable' })
  })

  it('keeps one job per name while it is queued or pulling', async () => {
    const admin = new OllamaAdmin({ baseUrl: fake.url })
    fake.hold(1)

    const first = admin.pulls.enqueue('gemma3:1b')
    expect(admin.pulls.enqueue('gemma3:1b')).toBe(first)

    fake.release()
    await pullReaches(admin.pulls, first, 'done')
    expect(admin.pulls.enqueue('gemma3:1b')).not.toBe(first)
  })
})
