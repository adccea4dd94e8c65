// @vitest-environment jsdom
// The Bench screen on the fake AppApi: suite validation at line:col, Run, live progress, Cancel, finish.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BenchScreen } from '../../../src/renderer/features/bench/BenchScreen'
import { useBenchStore } from '../../../src/renderer/features/bench/bench-store'
import { setAppApi } from '../../../src/renderer/platform/current-api'
import type { FakeAppApi } from '../../../src/renderer/platform/fake-api'
import { createFakeAppApi } from '../../../src/renderer/platform/fake-api'
import type { BenchCall, BenchRun, BenchSuite } from '../../../src/shared/bench'
import { summarizeRun } from '../../../src/shared/bench-stats'

// jsdom has no matchMedia, canvas or ResizeObserver, which the charts need: the charts get a stand-in here
// (the e2e draws the real ones in Chromium). Without it, a run that finishes fast enough loads them.
vi.mock('uplot', () => {
  class StandInPlot {
    static paths = { bars: () => () => null }
    setData(): void {}
    setSize(): void {}
    destroy(): void {}
  }
  return { default: StandInPlot }
})
vi.stubGlobal(
  'ResizeObserver',
  class {
    observe(): void {}
    disconnect(): void {}
  },
)

const SUITE: BenchSuite = {
  name: 'Tiny',
  task_type: 'simple_chat',
  models: ['mock/a', 'groq/b'],
  repeats: 1,
  concurrency: 2,
  cases: [{ prompt: 'hi', checks: [{ type: 'contains', value: 'hi' }] }],
}
const TEXT = 'name: Tiny\n'

function call(model: string, pass: boolean): BenchCall {
  return {
    caseIndex: 0,
    caseId: 'case-1',
    model,
    repeat: 1,
    firstTokenMs: 5,
    totalMs: 20,
    tokensPerSecond: 100,
    promptTokens: 1,
    completionTokens: 2,
    error: null,
    checks: [{ type: 'contains', label: 'contains "hi"', pass }],
    pass,
    jsonValid: null,
    text: 'hi',
  }
}

const RUN: BenchRun = {
  id: 'run-1',
  suite: SUITE,
  suiteId: 'bench/tiny.yaml',
  appVersion: '0.0.0',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  status: 'running',
  targets: [],
  total: 2,
  calls: [],
  summaries: [],
}

let api: FakeAppApi
let finishBeforeStartAnswers = false

/** What main saved when the run ended (the screen reloads it then). */
function savedRun(): BenchRun {
  const calls = finishBeforeStartAnswers
    ? [call('mock/a', true), call('groq/b', false)]
    : [call('mock/a', true)]
  const status = finishBeforeStartAnswers ? 'done' : 'cancelled'
  return { ...RUN, status, calls, summaries: summarizeRun(SUITE.models, calls) }
}
beforeEach(() => {
  finishBeforeStartAnswers = false
  useBenchStore.setState(useBenchStore.getInitialState(), true)
  api = createFakeAppApi({
    'bench:suites': () =>
      Promise.resolve([
        {
          id: 'bench/tiny.yaml',
          file: '/ws/bench/tiny.yaml',
          origin: 'workspace',
          format: 'yaml',
          name: 'Tiny',
        },
      ]),
    'bench:runs': () => Promise.resolve([]),
    'bench:readSuite': () =>
      Promise.resolve({
        id: 'bench/tiny.yaml',
        file: '/ws/bench/tiny.yaml',
        origin: 'workspace',
        format: 'yaml',
        text: TEXT,
        validation: { ok: true, suite: SUITE },
      }),
    'bench:validateSuite': ({ text }) =>
      Promise.resolve(
        text === TEXT
          ? { ok: true, suite: SUITE }
          : {
              ok: false,
              issue: {
                file: 'suite.yaml',
                line: 2,
                column: 12,
                message: 'task_type: Invalid option',
              },
            },
      ),
    'bench:start': () => {
      // A run so fast that its events overtake bench:start's answer.
      if (finishBeforeStartAnswers) {
        api.emit('bench:progress', {
          runId: 'run-1',
          done: 2,
          total: 2,
          current: [],
          calls: [call('mock/a', true), call('groq/b', false)],
        })
        api.emit('bench:finished', { runId: 'run-1', status: 'done' })
      }
      return Promise.resolve({ ...RUN })
    },
    'bench:cancel': () => Promise.resolve({ cancelled: true }),
    'bench:loadRun': () => Promise.resolve(savedRun()),
  })
  setAppApi(api)
})
afterEach(cleanup)

const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(resolve)))

describe('BenchScreen', () => {
  it('shows a text error at line:col and refuses to run until it is fixed', async () => {
    render(<BenchScreen />)
    expect(await screen.findByText(/1 cases × 2 models × 1 repeats = 2 calls/)).toBeTruthy()
    fireEvent.click(screen.getByRole('tab', { name: 'Text' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Suite text' }), {
      target: { value: 'name: Tiny\ntask_type: x\n' },
    })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Line 2, column 12: task_type: Invalid option',
    )
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(true)
  })

  it('runs with live progress and results, cancels, and shows the saved run', async () => {
    render(<BenchScreen />)
    await screen.findByText(/= 2 calls/)
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    await act(() => Promise.resolve())
    act(() =>
      api.emit('bench:progress', {
        runId: 'run-1',
        done: 1,
        total: 2,
        current: ['groq/b · case-1 · repeat 1'],
        calls: [call('mock/a', true)],
      }),
    )
    await nextFrame()
    expect(
      screen.getByRole('progressbar', { name: 'Run progress' }).getAttribute('aria-valuenow'),
    ).toBe('50')
    expect(screen.getByLabelText('Current calls').textContent).toContain('groq/b · case-1')
    const row = within(screen.getByRole('table', { name: 'Per model' })).getByRole('row', {
      name: /mock\/a/,
    })
    expect(row.textContent).toContain('100%')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await act(() => Promise.resolve())
    expect(api.calls.some((c) => c.channel === 'bench:cancel')).toBe(true)
    act(() => api.emit('bench:finished', { runId: 'run-1', status: 'cancelled' }))
    expect(await screen.findByText('Run cancelled: 1 of 2 calls')).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('keeps events that overtake the answer of bench:start', async () => {
    finishBeforeStartAnswers = true
    render(<BenchScreen />)
    await screen.findByText(/= 2 calls/)
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(await screen.findByText('Run done: 2 of 2 calls')).toBeTruthy()
    const table = within(screen.getByRole('table', { name: 'Per model' }))
    expect(table.getByRole('row', { name: /groq\/b/ }).textContent).toContain('0%')
  })
})
