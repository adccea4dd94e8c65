// The Playground presets' slice of the contract: presets:* methods, spread into contract.ts.
import { z } from 'zod'
import { chatIdSchema } from './chat'
import type { TypeTag } from './contract'
import type { Preset } from './presets'
import { presetNameSchema, presetSettingsSchema } from './presets'

function returns<T>(): TypeTag<T> {
  return {}
}

export const presetMethods = {
  'presets:list': {
    summary: "The workspace's Playground presets (system prompt + parameters), by name.",
    input: z.strictObject({}),
    output: returns<Preset[]>(),
    errors: [],
  },
  'presets:save': {
    summary:
      'Saves a preset in the workspace (.mindx/presets, atomic write): a new one without id, else replaces that one. A name another preset has is refused.',
    input: z.strictObject({
      id: chatIdSchema.optional(),
      name: presetNameSchema,
      settings: presetSettingsSchema,
    }),
    output: returns<Preset>(),
    errors: ['conflict', 'not_found'],
  },
  'presets:rename': {
    summary: 'Renames a preset; a name another preset has is refused.',
    input: z.strictObject({ id: chatIdSchema, name: presetNameSchema }),
    output: returns<Preset>(),
    errors: ['conflict', 'not_found'],
  },
  'presets:delete': {
    summary: 'Deletes a preset.',
    input: z.strictObject({ id: chatIdSchema }),
    output: returns<{ deleted: boolean }>(),
    errors: [],
  },
} as const
