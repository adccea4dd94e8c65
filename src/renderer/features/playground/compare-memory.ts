// Compare's columns and last answers, kept per workspace so a reload (or a restart) finds them again.
import { z } from 'zod'
import {
  answerMetricsSchema,
  chatErrorSchema,
  chatSettingsSchema,
  usedModelSchema,
} from '../../../shared/chat'
import { providerNameSchema } from '../../../shared/providers'
import { keep, kept } from '../../stores/lasting-memory'

/** Answers longer than this are kept cut (the full text is a Regenerate away). */
const KEPT_ANSWER_CHARS = 200_000

/** The settings a Compare run was asked with (the pair is per column). */
export const comparedWithSchema = chatSettingsSchema.omit({ provider: true, model: true })
export type ComparedWith = z.output<typeof comparedWithSchema>

const keptColumnSchema = z.object({
  provider: providerNameSchema,
  model: z.string().max(200),
  content: z.string(),
  // A stream a reload cut short cannot go on: it comes back as stopped.
  status: z
    .enum(['idle', 'streaming', 'done', 'stopped', 'error'])
    .transform((status) => (status === 'streaming' ? 'stopped' : status)),
  jsonMode: z.boolean(),
  metrics: answerMetricsSchema.optional(),
  used: usedModelSchema.optional(),
  error: chatErrorSchema.optional(),
})
export type KeptColumn = z.output<typeof keptColumnSchema>

const keptCompareSchema = z.object({
  columns: z.array(keptColumnSchema).min(2).max(4),
  asked: z.string(),
  askedWith: comparedWithSchema.optional(),
})
export type KeptCompare = z.output<typeof keptCompareSchema>
/** What is written: a column may still be streaming (it reads back as stopped). */
export type CompareToKeep = z.input<typeof keptCompareSchema>

const keyOf = (workspace: string) => `compare:${workspace}`

/** What was kept for this workspace, or null (nothing, or something this version cannot read). */
export function recallCompare(workspace: string): KeptCompare | null {
  const parsed = keptCompareSchema.safeParse(kept(keyOf(workspace)))
  return parsed.success ? parsed.data : null
}

export function keepCompare(workspace: string, value: CompareToKeep): void {
  keep(keyOf(workspace), {
    ...value,
    columns: value.columns.map((c) => ({ ...c, content: c.content.slice(0, KEPT_ANSWER_CHARS) })),
  })
}
