// An answer's text: Markdown, or in JSON mode the checked JSON (pretty-printed, or flagged with the error).
import type { AssistantTurn } from '../../../shared/chat'
import { Markdown } from './Markdown'

function parseError(text: string): string | null {
  try {
    JSON.parse(text)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** A code fence longer than any backtick run inside, so the JSON cannot close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(longest + 1)
}

export interface AnswerBodyProps {
  turn: Pick<AssistantTurn, 'content' | 'status' | 'jsonMode' | 'error'>
}

export function AnswerBody({ turn }: AnswerBodyProps) {
  if (turn.error?.code === 'invalid_json') {
    const text = turn.error.text ?? turn.content
    return (
      <div className="json-invalid">
        <p className="json-flag">
          <span className="badge badge-error">Invalid JSON</span>{' '}
          {parseError(text) ?? turn.error.message}
        </p>
        <pre className="json-raw" aria-label="Answer text as received">
          {text}
        </pre>
      </div>
    )
  }
  if (turn.jsonMode && turn.status === 'done') {
    try {
      const pretty = JSON.stringify(JSON.parse(turn.content), null, 2)
      return (
        <div className="json-valid">
          <p className="json-flag">
            <span className="badge badge-ok">Valid JSON</span>
          </p>
          <Markdown text={`${fence(pretty)}json\n${pretty}\n${fence(pretty)}`} />
        </div>
      )
    } catch {
      // Not JSON after all (an older saved turn): fall through to Markdown.
    }
  }
  if (turn.jsonMode && turn.status === 'streaming') {
    return <pre className="json-raw">{turn.content}</pre>
  }
  return <Markdown text={turn.content} />
}
