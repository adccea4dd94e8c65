// Bench vocabulary shared by main, CLI and renderer: the suite file's schema, per-call rows, summaries.
import { z } from 'zod'
import type { ConfigIssue } from './config-issue'
import { LLM_ERROR_CODES } from './llm'
import { modelRefSchema } from './model-ref'

export { modelRefSchema, splitModelRef } from './model-ref'

/** mindX's ModelSelector task types: the keys of `task_scores` in models/*.yaml. */
export const TASK_TYPES = [
  'reasoning',
  'code_generation',
  'simple_chat',
  'data_analysis',
  'writing',
  'speed_sensitive',
] as const
export type TaskType = (typeof TASK_TYPES)[number]

const regexCheck = z
  .strictObject({
    type: z.literal('regex'),
    pattern: z.string().min(1).max(2000),
    flags: z
      .string()
      .regex(/^[dgimsuy]*$/, 'flags are letters of dgimsuy')
      .optional(),
  })
  .superRefine((check, ctx) => {
    try {
      new RegExp(check.pattern, check.flags)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regex: ${detail}` })
    }
  })

export const checkSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('contains'),
    value: z.string().min(1).max(10_000),
    ignore_case: z.boolean().optional(),
  }),
  regexCheck,
  z.strictObject({ type: z.literal('equals'), value: z.string().max(100_000) }),
  z.strictObject({ type: z.literal('valid_json') }),
  z.strictObject({
    type: z.literal('json_schema'),
    schema: z.record(z.string(), z.json()),
  }),
])
export type BenchCheck = z.output<typeof checkSchema>
export type CheckType = BenchCheck['type']
export const CHECK_TYPES = ['contains', 'regex', 'equals', 'valid_json', 'json_schema'] as const

export const caseSchema = z.strictObject({
  id: z.string().trim().min(1).max(100).optional(),
  prompt: z.string().min(1).max(200_000),
  system: z.string().max(100_000).optional(),
  json_mode: z.boolean().optional(),
  max_tokens: z.number().int().min(1).max(1_000_000).optional(),
  checks: z.array(checkSchema).max(50).default([]),
})
export type BenchCase = z.output<typeof caseSchema>

export const suiteSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  task_type: z.enum(TASK_TYPES),
  description: z.string().max(10_000).optional(),
  models: z.array(modelRefSchema).min(1).max(50),
  repeats: z.number().int().min(1).max(1000).default(1),
  concurrency: z.number().int().min(1).max(64).default(4),
  temperature: z.number().min(0).max(2).optional(),
  cases: z.array(caseSchema).min(1).max(10_000),
})
export type BenchSuite = z.output<typeof suiteSchema>
export type BenchSuiteInput = z.input<typeof suiteSchema>

export type SuiteFormat = 'yaml' | 'json'

/** A suite file read from disk or typed in the editor: the suite, or the first problem at line:col. */
export type SuiteValidation = { ok: true; suite: BenchSuite } | { ok: false; issue: ConfigIssue }

export interface SuiteListItem {
  /** Workspace-relative (`bench/x.yaml`), or `example:<file>` for the shipped examples. */
  id: string
  file: string
  origin: 'workspace' | 'example'
  format: SuiteFormat
  name: string
  taskType?: TaskType
  cases?: number
  models?: number
  /** Why the file is not a valid suite (it is listed so it can be opened and fixed). */
  issue?: ConfigIssue
}

// ---------------------------------------------------------------------------------------------
// Results.

export const benchErrorCodeSchema = z.enum([...LLM_ERROR_CODES, 'internal'])

export interface CheckResult {
  type: CheckType
  /** What was checked, in a few words (`contains "fn main"`). */
  label: string
  pass: boolean
  /** Why it failed, when it did. */
  detail?: string
}

/** One call of one case to one model: what a row of the CSV export holds. */
export interface BenchCall {
  caseIndex: number
  caseId: string
  model: string
  repeat: number
  /** Milliseconds to the first text delta; null when nothing arrived. */
  firstTokenMs: number | null
  totalMs: number
  tokensPerSecond: number | null
  promptTokens: number | null
  completionTokens: number | null
  error: { code: z.output<typeof benchErrorCodeSchema>; message: string } | null
  checks: CheckResult[]
  /** Every check passed and the call did not fail. */
  pass: boolean
  /** Whether the answer parsed as JSON; null when the case neither asks for nor checks JSON. */
  jsonValid: boolean | null
  /** The answer (cut at a few thousand characters). */
  text: string
}

/** Median, p90 and the spread (min–max) of one metric over a model's calls. */
export interface MetricStats {
  median: number
  p90: number
  min: number
  max: number
}

export interface ModelSummary {
  model: string
  calls: number
  firstTokenMs: MetricStats | null
  totalMs: MetricStats | null
  tokensPerSecond: MetricStats | null
  passRate: number
  /** Over the calls whose case asks for or checks JSON; null when none does. */
  jsonValidRate: number | null
  errorRate: number
}

/** What answered for a `provider/model` of the suite (never a key). */
export interface BenchTarget {
  model: string
  provider: string
  modelName: string
  baseUrl: string | null
  handler: string
  fallbackReason: string | null
}

export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed'

export interface BenchRun {
  id: string
  suite: BenchSuite
  /** Where the suite came from (a SuiteListItem id), when it was a file. */
  suiteId: string | null
  appVersion: string
  startedAt: string
  finishedAt: string | null
  status: RunStatus
  targets: BenchTarget[]
  total: number
  calls: BenchCall[]
  summaries: ModelSummary[]
}

export interface BenchRunListItem {
  id: string
  suiteName: string
  taskType: TaskType
  startedAt: string
  status: RunStatus
  models: string[]
  calls: number
  total: number
}

export interface BenchProgressEvent {
  runId: string
  done: number
  total: number
  /** The calls in flight now (`case 2 · groq/llama… · repeat 1`). */
  current: string[]
  /** Calls that finished since the last event, in order. */
  calls: BenchCall[]
}

export interface BenchFinishedEvent {
  runId: string
  status: RunStatus
  message?: string
}

export interface BenchExport {
  filename: string
  mimeType: string
  content: string
}

/** One file of a task_scores write-back: the text now, the text proposed, and what changes. */
export interface TaskScoresFile {
  path: string
  provider: string
  shape: 'models-list' | 'keyed-map' | 'new-file'
  before: string | null
  after: string
  changes: { model: string; previous: number | null; next: number }[]
}

export interface TaskScoresProposal {
  runId: string
  taskType: TaskType
  files: TaskScoresFile[]
}
