// Chat mode: the Response region (the conversation, following the stream) and the composer.
import { useCallback, useLayoutEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Composer } from './Composer'
import { PlainTextBoundary } from './PlainTextBlock'
import { hasSettingsProblems } from './settings-problems'
import { usePlaygroundStore } from './playground-store'
import { AssistantTurnView, UserTurnView } from './TurnView'

/** Keeps a scroll box pinned to the bottom while content grows, unless the reader scrolled up. */
function useFollowBottom(dependency: unknown) {
  const box = useRef<HTMLDivElement>(null)
  const pinned = useRef(true)
  const onScroll = useCallback(() => {
    const el = box.current
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
  }, [])
  useLayoutEffect(() => {
    const el = box.current
    if (el && pinned.current) el.scrollTop = el.scrollHeight
  }, [dependency])
  return { box, onScroll }
}

export function ChatView() {
  const s = usePlaygroundStore(
    useShallow((state) => ({
      turns: state.conversation.turns,
      draft: state.draft,
      busy: state.active !== null,
      model: state.settings.model,
      settingsInvalid: hasSettingsProblems(state.settings),
      send: state.send,
      stop: state.stop,
      regenerate: state.regenerate,
      resend: state.resend,
      continueAnswer: state.continueAnswer,
      showVersion: state.showVersion,
      setDraft: state.setDraft,
    })),
  )
  const { turns, draft, busy, model, settingsInvalid, send, stop, setDraft } = s
  const { regenerate, resend, continueAnswer, showVersion } = s
  const { box, onScroll } = useFollowBottom(turns)
  const onRegenerate = useCallback(() => void regenerate(), [regenerate])
  const onResend = useCallback((id: string, prompt: string) => void resend(id, prompt), [resend])
  const onContinue = useCallback(() => void continueAnswer(), [continueAnswer])
  const lastIndex = turns.length - 1
  return (
    <div className="chat">
      <div
        ref={box}
        className="response"
        role="region"
        aria-label="Response"
        aria-busy={busy}
        tabIndex={0}
        onScroll={onScroll}
      >
        {turns.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">Ask something to start.</p>
            <p className="hint">
              Pick a provider and model on the right, type a prompt below and press Send
              (Ctrl+Enter). Follow-up prompts carry the conversation so far.
            </p>
          </div>
        ) : (
          turns.map((turn, index) => (
            <PlainTextBoundary
              key={turn.id}
              what={turn.role === 'user' ? 'This prompt' : 'This answer'}
              text={turn.content}
            >
              {turn.role === 'user' ? (
                <UserTurnView turn={turn} busy={busy} onResend={onResend} />
              ) : (
                <AssistantTurnView
                  turn={turn}
                  isLast={index === lastIndex}
                  busy={busy}
                  onRegenerate={onRegenerate}
                  onContinue={onContinue}
                  onShowVersion={showVersion}
                />
              )}
            </PlainTextBoundary>
          ))
        )}
      </div>
      <Composer
        draft={draft}
        busy={busy}
        canSend={model.trim() !== '' && !settingsInvalid}
        placeholder={turns.length === 0 ? 'Ask the model something…' : 'Follow up…'}
        onDraft={setDraft}
        onSend={() => void send()}
        onStop={() => void stop()}
      />
    </div>
  )
}
