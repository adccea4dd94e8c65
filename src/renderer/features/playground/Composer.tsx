// The Prompt box with Send (Ctrl/Cmd+Enter) and Stop (Esc).
import type { KeyboardEvent } from 'react'
import { isMacPlatform } from '../../shell/keyboard'

export interface ComposerProps {
  draft: string
  busy: boolean
  canSend: boolean
  placeholder: string
  onDraft: (draft: string) => void
  onSend: () => void
  onStop: () => void
}

export function Composer({
  draft,
  busy,
  canSend,
  placeholder,
  onDraft,
  onSend,
  onStop,
}: ComposerProps) {
  const mac = isMacPlatform()
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (mac ? event.metaKey : event.ctrlKey)) {
      event.preventDefault()
      if (canSend) onSend()
    }
  }
  return (
    <div className="composer">
      <label className="field composer-field">
        <span className="field-label">Prompt</span>
        <textarea
          className="input textarea composer-input"
          rows={3}
          value={draft}
          placeholder={placeholder}
          onChange={(e) => onDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="composer-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!canSend || busy || draft.trim() === ''}
          aria-keyshortcuts={mac ? 'Meta+Enter' : 'Control+Enter'}
          title={mac ? '⌘ Enter' : 'Ctrl Enter'}
          onClick={onSend}
        >
          Send
        </button>
        <button
          type="button"
          className="button"
          disabled={!busy}
          aria-keyshortcuts="Escape"
          title="Esc"
          onClick={onStop}
        >
          Stop
        </button>
      </div>
    </div>
  )
}
