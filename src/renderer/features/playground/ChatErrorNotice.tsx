// A failed answer, inline: what happened and the next step (retry in N s, Open Providers, retry).
import { useEffect, useState } from 'react'
import type { ChatErrorData } from '../../../shared/chat'
import { MessageText } from '../../components/MessageText'
import { useNavigationStore } from '../../stores/navigation-store'

export interface ChatErrorNoticeProps {
  error: ChatErrorData
  /** Sends the same prompt again (absent where there is nothing to retry). */
  onRetry?: () => void
}

function useSecondsLeft(ms: number | undefined): number {
  const [left, setLeft] = useState(() => Math.ceil((ms ?? 0) / 1000))
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return left
}

const TITLES: Partial<Record<ChatErrorData['code'], string>> = {
  auth: 'The provider refused the key',
  rate_limit: 'Rate limited by the provider',
  unreachable: 'The provider could not be reached',
  timeout: 'The provider took too long',
  model_not_found: 'The model was not found',
  bad_request: 'The provider rejected the request',
  invalid_json: 'Not valid JSON',
}

export function ChatErrorNotice({ error, onRetry }: ChatErrorNoticeProps) {
  const go = useNavigationStore((s) => s.go)
  const secondsLeft = useSecondsLeft(error.code === 'rate_limit' ? error.retryAfterMs : undefined)
  return (
    <div className="chat-error" role="alert">
      <p className="chat-error-title">{TITLES[error.code] ?? 'The answer failed'}</p>
      <p className="chat-error-message">
        <MessageText text={error.message} />
      </p>
      <div className="chat-error-actions">
        {error.code === 'auth' && (
          <button type="button" className="button" onClick={() => go('providers')}>
            Open Providers
          </button>
        )}
        {error.code === 'model_not_found' && (
          <button
            type="button"
            className="button"
            onClick={() => document.getElementById('playground-model')?.focus()}
          >
            Choose another model
          </button>
        )}
        {onRetry && (
          <button type="button" className="button" disabled={secondsLeft > 0} onClick={onRetry}>
            {secondsLeft > 0 ? `Retry in ${secondsLeft} s` : 'Retry'}
          </button>
        )}
      </div>
    </div>
  )
}
