// @vitest-environment jsdom
// Deltas are handed to a stream once per animation frame, in order; done/error flush what is pending first.
import { beforeEach, describe, expect, it } from 'vitest'
import { watchStream } from '../../../src/renderer/features/playground/stream-router'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'

let api: FakeAppApi
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
const used = {
  provider: 'mock' as const,
  model: 'm',
  baseUrl: null,
  handler: 'MockHandler',
  fallbackReason: null,
}

beforeEach(() => {
  api = createFakeAppApi()
  setAppApi(api)
})

function recorder() {
  const seen: string[] = []
  return {
    seen,
    callbacks: {
      onText: (text: string) => seen.push(`text:${text}`),
      onDone: () => seen.push('done'),
      onError: () => seen.push('error'),
    },
  }
}

describe('watchStream', () => {
  it('batches the deltas of one frame into one update', async () => {
    const r = recorder()
    watchStream('a', r.callbacks)
    for (const text of ['He', 'll', 'o']) api.emit('chat:delta', { streamId: 'a', text })
    expect(r.seen).toEqual([])
    await frame()
    expect(r.seen).toEqual(['text:Hello'])
  })

  it('flushes pending text before done, and ignores other streams', async () => {
    const r = recorder()
    watchStream('b', r.callbacks)
    api.emit('chat:delta', { streamId: 'other', text: 'not mine' })
    api.emit('chat:delta', { streamId: 'b', text: 'tail' })
    api.emit('chat:done', {
      streamId: 'b',
      text: 'tail',
      metrics: { firstTokenMs: 1, totalMs: 1 },
      used,
    })
    expect(r.seen).toEqual(['text:tail', 'done'])
    api.emit('chat:delta', { streamId: 'b', text: 'late' })
    await frame()
    expect(r.seen).toEqual(['text:tail', 'done'])
  })

  it('unwatching drops what was pending', async () => {
    const r = recorder()
    const stop = watchStream('c', r.callbacks)
    api.emit('chat:delta', { streamId: 'c', text: 'x' })
    stop()
    await frame()
    expect(r.seen).toEqual([])
  })
})
