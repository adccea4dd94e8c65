// bench:* over a real factory and the fake Groq: a run with progress events, save, export, write-back.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBenchHandlers } from '../../../src/main/api/bench-handlers'
import { createEventBus } from '../../../src/main/api/event-bus'
import { createWorkspaceSession } from '../../../src/main/api/workspace-session'
import { FileSecretStore } from '../../../src/main/services/secrets'
import type { BenchFinishedEvent, BenchProgressEvent } from '../../../src/shared/bench'
import type { FakeGroq } from '../../fakes/groq-server'
import { DEFAULT_GROQ_KEY, startFakeGroq } from '../../fakes/groq-server'
import { FACTORY_JSON, makeWorkspace } from '../../helpers/workspace'

const ROOT = join(import.meta.dirname, '..', '..', '..')
let groq: FakeGroq
beforeAll(async () => {
  groq = await startFakeGroq()
})
afterAll(() => groq.close())

function setup() {
  const workspace = makeWorkspace({
    [FACTORY_JSON]: {
      groq_settings_for_factory: {
        base_url_override: groq.openaiUrl,
        api_key_override: DEFAULT_GROQ_KEY,
      },
    },
  })
  const events = createEventBus()
  const progress: BenchProgressEvent[] = []
  const finished = new Promise<BenchFinishedEvent>((resolve) =>
    events.subscribe((name, payload) => {
      if (name === 'bench:progress') progress.push(payload as BenchProgressEvent)
      if (name === 'bench:finished') resolve(payload as BenchFinishedEvent)
    }),
  )
  const session = createWorkspaceSession({
    workspace,
    createSecrets: (dir) => new FileSecretStore(dir),
    env: {},
  })
  const handlers = createBenchHandlers({
    session,
    version: '9.9.9',
    events,
    templatesDir: join(ROOT, 'config'),
  })
  return { workspace, handlers, progress, finished }
}

describe('bench handlers', () => {
  it('lists the shipped examples and runs one over groq and mock, saving the run without keys', async () => {
    const { workspace, handlers, progress, finished } = setup()
    const suites = await handlers['bench:suites']({})
    expect(suites.map((s) => s.id)).toEqual([
      'example:coding-basics.yaml',
      'example:json-extraction.json',
    ])
    const example = await handlers['bench:readSuite']({ id: 'example:coding-basics.yaml' })
    const started = await handlers['bench:start']({
      text: example.text,
      format: example.format,
      suiteId: example.id,
      repeats: 1,
    })
    expect(started).toMatchObject({ status: 'running', total: 8, appVersion: '9.9.9' })
    expect(started.targets[0]).toMatchObject({
      model: 'groq/llama-3.1-8b-instant',
      provider: 'groq',
      baseUrl: groq.openaiUrl,
      handler: 'GroqHandler',
    })
    expect(await finished).toEqual({ runId: started.id, status: 'done' })
    expect(progress.at(-1)).toMatchObject({ done: 8, total: 8, current: [] })
    expect(progress.flatMap((p) => p.calls)).toHaveLength(8)

    const run = await handlers['bench:loadRun']({ runId: started.id })
    expect(run.summaries.map((s) => s.calls)).toEqual([4, 4])
    const saved = readFileSync(join(workspace, '.mindx', 'bench', `${run.id}.json`), 'utf8')
    expect(saved).not.toContain(DEFAULT_GROQ_KEY)
    const csv = await handlers['bench:export']({ runId: run.id, format: 'csv' })
    expect(csv.content.split('\n')[0]).toMatch(/^model,case,repeat,first_token_ms/)
    expect(csv.content.trim().split('\n')).toHaveLength(9)
    expect((await handlers['bench:runs']({}))[0]).toMatchObject({ id: run.id, calls: 8 })

    const proposal = await handlers['bench:proposeTaskScores']({ runId: run.id })
    expect(proposal.files.map((f) => f.provider)).toEqual(['groq', 'mock'])
    const shown = proposal.files.map((f) => ({ path: f.path, before: f.before }))
    const { written } = await handlers['bench:writeTaskScores']({ runId: run.id, files: shown })
    expect(written).toEqual([
      join(workspace, 'models', 'groq.yaml'),
      join(workspace, 'models', 'mock.yaml'),
    ])
    // Once written, the diff that was shown (a new file) is stale: confirming it again is refused.
    await expect(
      handlers['bench:writeTaskScores']({ runId: run.id, files: shown }),
    ).rejects.toMatchObject({ code: 'bad_request' })
  })

  it('refuses to start an invalid suite, with line:col', async () => {
    const { handlers } = setup()
    await expect(
      handlers['bench:start']({ text: 'name: x\n', format: 'yaml', suiteId: null }),
    ).rejects.toMatchObject({ code: 'config_invalid', message: expect.stringMatching(/\(1:1\)/) })
  })

  it('saves a suite under bench/ only when valid', async () => {
    const { workspace, handlers } = setup()
    const text = readFileSync(join(ROOT, 'config', 'bench', 'coding-basics.yaml'), 'utf8')
    await handlers['bench:saveSuite']({ name: 'mine.yaml', text })
    expect(readFileSync(join(workspace, 'bench', 'mine.yaml'), 'utf8')).toBe(text)
    await expect(
      handlers['bench:saveSuite']({ name: 'broken.yaml', text: 'name: [' }),
    ).rejects.toMatchObject({ code: 'config_invalid' })
  })
})
