// What is wrong with the typed generation settings, per field, in words (checked before Send).
import type { ChatSettings } from '../../../shared/chat'

export interface SettingsProblems {
  temperature?: string
  maxTokens?: string
}

export function settingsProblems(
  settings: Pick<ChatSettings, 'temperature' | 'maxTokens'>,
): SettingsProblems {
  const problems: SettingsProblems = {}
  const { temperature, maxTokens } = settings
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2)) {
    problems.temperature = 'Temperature goes from 0 to 2 (blank: the provider’s default).'
  }
  if (
    maxTokens !== undefined &&
    !(Number.isInteger(maxTokens) && maxTokens >= 1 && maxTokens <= 1_000_000)
  ) {
    problems.maxTokens = 'Max tokens is a whole number from 1 to 1,000,000 (blank: default).'
  }
  return problems
}

export function hasSettingsProblems(settings: Pick<ChatSettings, 'temperature' | 'maxTokens'>) {
  return Object.keys(settingsProblems(settings)).length > 0
}
