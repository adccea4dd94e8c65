// The Bench screen's slice of the contract: bench:* methods and events, spread into contract.ts.
import { z } from 'zod'
import type {
  BenchExport,
  BenchFinishedEvent,
  BenchProgressEvent,
  BenchRun,
  BenchRunListItem,
  SuiteFormat,
  SuiteListItem,
  SuiteValidation,
  TaskScoresProposal,
} from './bench'
import { modelRefSchema } from './bench'
import type { TypeTag } from './contract'

function returns<T>(): TypeTag<T> {
  return {}
}

const suiteText = z.string().max(5_000_000)
const suiteFormat = z.enum(['yaml', 'json'])
const suiteId = z.string().min(1).max(200)
const runId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a run id')
const suitePath = z.array(z.union([z.string().max(200), z.number().int().nonnegative()])).max(16)

/** A suite file as the editor holds it. */
export interface SuiteDocument {
  id: string
  file: string
  origin: SuiteListItem['origin']
  format: SuiteFormat
  text: string
  validation: SuiteValidation
}

export const benchMethods = {
  'bench:suites': {
    summary:
      "The workspace's suites (bench/) and the shipped examples, each valid or with its issue.",
    input: z.strictObject({}),
    output: returns<SuiteListItem[]>(),
    errors: [],
  },
  'bench:readSuite': {
    summary: 'One suite file as text, with its validation (line:col).',
    input: z.strictObject({ id: suiteId }),
    output: returns<SuiteDocument>(),
    errors: ['not_found'],
  },
  'bench:validateSuite': {
    summary: 'Checks suite text (YAML or JSON + schema); the first problem at line:col.',
    input: z.strictObject({ text: suiteText, format: suiteFormat }),
    output: returns<SuiteValidation>(),
    errors: [],
  },
  'bench:editSuite': {
    summary:
      'Sets (or, without value, removes) one value in suite text, keeping comments and layout.',
    input: z.strictObject({
      text: suiteText,
      format: suiteFormat,
      path: suitePath,
      value: z.json().optional(),
    }),
    output: returns<{ text: string }>(),
    errors: ['config_invalid'],
  },
  'bench:saveSuite': {
    summary: 'Saves a valid suite as bench/<name> in the workspace (atomic, keeps .bak).',
    input: z.strictObject({ name: z.string().min(1).max(130), text: suiteText }),
    output: returns<SuiteDocument>(),
    errors: ['config_invalid', 'not_found'],
  },
  'bench:start': {
    summary:
      'Starts a run of suite text; progress arrives as bench:progress, then bench:finished, with runId.',
    input: z.strictObject({
      text: suiteText,
      format: suiteFormat,
      suiteId: suiteId.nullable().default(null),
      models: z.array(modelRefSchema).max(50).optional(),
      repeats: z.number().int().min(1).max(1000).optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
    }),
    output: returns<BenchRun>(),
    errors: ['config_invalid'],
  },
  'bench:cancel': {
    summary: 'Cancels a run (closes its open requests); false when it had already finished.',
    input: z.strictObject({ runId }),
    output: returns<{ cancelled: boolean }>(),
    errors: [],
  },
  'bench:runs': {
    summary: 'Saved runs (.mindx/bench/), newest first.',
    input: z.strictObject({}),
    output: returns<BenchRunListItem[]>(),
    errors: [],
  },
  'bench:loadRun': {
    summary: 'One saved run: suite, resolved models (no keys), app version, calls and summaries.',
    input: z.strictObject({ runId }),
    output: returns<BenchRun>(),
    errors: ['not_found'],
  },
  'bench:export': {
    summary: 'A saved run as CSV (one row per call) or JSON (calls and summaries).',
    input: z.strictObject({ runId, format: z.enum(['csv', 'json']) }),
    output: returns<BenchExport>(),
    errors: ['not_found'],
  },
  'bench:proposeTaskScores': {
    summary:
      "The run's pass rates as task_scores for models/<provider>.yaml: before/after, nothing written.",
    input: z.strictObject({ runId }),
    output: returns<TaskScoresProposal>(),
    errors: ['not_found', 'config_invalid'],
  },
  'bench:writeTaskScores': {
    summary:
      'Writes the proposal that was shown (atomic, .bak); refused with bad_request when a file changed since.',
    input: z.strictObject({
      runId,
      files: z
        .array(z.strictObject({ path: z.string().max(4096), before: suiteText.nullable() }))
        .max(100),
    }),
    output: returns<{ written: string[] }>(),
    errors: ['not_found', 'config_invalid', 'bad_request'],
  },
} as const

export const benchEvents = {
  'bench:progress': returns<BenchProgressEvent>(),
  'bench:finished': returns<BenchFinishedEvent>(),
} as const
