// Playground presets: a named system prompt + generation parameters, kept per workspace (zod + types).
import { z } from 'zod'
import { chatIdSchema, chatSettingsSchema } from './chat'

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the preset a name.')
  .max(80, 'A preset name has at most 80 characters.')

/** What a preset sets: the system prompt and parameters, not the provider or model. */
export const presetSettingsSchema = chatSettingsSchema.pick({
  system: true,
  temperature: true,
  maxTokens: true,
  jsonMode: true,
})
export type PresetSettings = z.output<typeof presetSettingsSchema>

export const presetSchema = z.object({
  id: chatIdSchema,
  name: presetNameSchema,
  settings: presetSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Preset = z.output<typeof presetSchema>

/** Names are compared the way people read them: case and surrounding spaces do not count. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}
