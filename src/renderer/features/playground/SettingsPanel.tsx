// Generation settings shared by Chat and Compare: system prompt, temperature, max tokens, JSON mode.
import type { ChatSettings } from '../../../shared/chat'
import { settingsProblems } from './settings-problems'

export interface SettingsPanelProps {
  settings: ChatSettings
  disabled: boolean
  onChange: (change: Partial<ChatSettings>) => void
}

/** Blank means "provider default"; anything else must be a number in range. */
function numberOrUndefined(text: string, parse: (t: string) => number): number | undefined {
  if (text.trim() === '') return undefined
  const value = parse(text)
  return Number.isFinite(value) ? value : undefined
}

export function SettingsPanel({ settings, disabled, onChange }: SettingsPanelProps) {
  const problems = settingsProblems(settings)
  return (
    <div className="settings-panel">
      <label className="field">
        <span className="field-label">System prompt</span>
        <textarea
          className="input textarea"
          rows={3}
          value={settings.system}
          disabled={disabled}
          placeholder="Optional instructions for every answer"
          onChange={(e) => onChange({ system: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Temperature</span>
          <input
            className="input"
            type="number"
            min={0}
            max={2}
            step={0.1}
            placeholder="default"
            disabled={disabled}
            value={settings.temperature ?? ''}
            aria-invalid={problems.temperature ? true : undefined}
            aria-describedby={problems.temperature ? 'settings-temperature-problem' : undefined}
            onChange={(e) => onChange({ temperature: numberOrUndefined(e.target.value, Number) })}
          />
        </label>
        <label className="field">
          <span className="field-label">Max tokens</span>
          <input
            className="input"
            type="number"
            min={1}
            step={1}
            placeholder="default"
            disabled={disabled}
            value={settings.maxTokens ?? ''}
            aria-invalid={problems.maxTokens ? true : undefined}
            aria-describedby={problems.maxTokens ? 'settings-max-tokens-problem' : undefined}
            onChange={(e) => onChange({ maxTokens: numberOrUndefined(e.target.value, Number) })}
          />
        </label>
      </div>
      {problems.temperature && (
        <p id="settings-temperature-problem" className="field-note field-note-warn" role="alert">
          {problems.temperature} Send waits until it is fixed.
        </p>
      )}
      {problems.maxTokens && (
        <p id="settings-max-tokens-problem" className="field-note field-note-warn" role="alert">
          {problems.maxTokens} Send waits until it is fixed.
        </p>
      )}
      <label className="field-check">
        <input
          type="checkbox"
          checked={settings.jsonMode}
          disabled={disabled}
          onChange={(e) => onChange({ jsonMode: e.target.checked })}
        />
        JSON mode
      </label>
      <p className="hint">
        In JSON mode the answer is checked: valid JSON is pretty-printed, invalid JSON is flagged.
      </p>
    </div>
  )
}
