// A conversation as Markdown or JSON for sharing: an allow-list of fields, so nothing key-like leaves.
import { allVersions, shownAnswer, shownIndex, versionCount } from '../../../shared/answer-versions'
import type {
  AnswerVersion,
  AssistantTurn,
  Conversation,
  ConversationExport,
  ExportFormat,
} from '../../../shared/chat'
import { redactSecrets } from '../../../shared/redaction'

function slug(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return base || 'conversation'
}

/** Only these fields of an answer are exported; a key could only get in through a field added here. */
function exportableAnswer(answer: AnswerVersion) {
  return {
    role: 'assistant' as const,
    content: answer.content,
    createdAt: answer.createdAt,
    status: answer.status,
    ...(answer.continued ? { continued: true } : {}),
    ...(answer.used
      ? {
          used: {
            provider: answer.used.provider,
            model: answer.used.model,
            baseUrl: answer.used.baseUrl === null ? null : redactSecrets(answer.used.baseUrl),
          },
        }
      : {}),
    ...(answer.metrics ? { metrics: { ...answer.metrics } } : {}),
    ...(answer.error
      ? { error: { code: answer.error.code, message: redactSecrets(answer.error.message) } }
      : {}),
  }
}
type ExportedAnswer = ReturnType<typeof exportableAnswer>
type ExportedAnswerTurn = ExportedAnswer & { shownVersion?: number; versions?: ExportedAnswer[] }

/**
 * An answer turn: the version shown (what later prompts were sent as history), and with more
 * than one version, all of them in order with the shown one's number (1-based).
 */
function exportableTurn(turn: AssistantTurn): ExportedAnswerTurn {
  const shown = exportableAnswer(shownAnswer(turn))
  if (versionCount(turn) === 1) return shown
  return {
    ...shown,
    shownVersion: shownIndex(turn) + 1,
    versions: allVersions(turn).map(exportableAnswer),
  }
}

/** Only these fields are exported; a key could only get in through a field added here. */
function exportable(conversation: Conversation) {
  const { provider, model, system, temperature, maxTokens, jsonMode } = conversation.settings
  return {
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    settings: { provider, model, system, temperature, maxTokens, jsonMode },
    turns: conversation.turns.map((turn) =>
      turn.role === 'user'
        ? { role: turn.role, content: turn.content, createdAt: turn.createdAt }
        : exportableTurn(turn),
    ),
  }
}

/** A fence longer than any backtick run in the text, so an answer's own code blocks stay intact. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(longest + 1)
}

function answerer(answer: ExportedAnswer): string {
  return answer.used ? `${answer.used.provider} · ${answer.used.model}` : 'Assistant'
}

/** An answer's text, how it ended and its metrics, as Markdown lines. */
function answerLines(answer: ExportedAnswer): string[] {
  const lines = [answer.content || '_(no text)_', '']
  if (answer.error) lines.push(`> ${answer.error.code}: ${answer.error.message}`, '')
  else if (answer.status === 'stopped') lines.push('> Stopped before the end.', '')
  else if (answer.status === 'interrupted') lines.push('> Interrupted before the end.', '')
  if (answer.continued) lines.push('> Continued after it stopped.', '')
  if (answer.metrics) {
    const m = answer.metrics
    const parts = [`first token ${m.firstTokenMs} ms`, `total ${m.totalMs} ms`]
    if (m.tokensPerSecond !== undefined) parts.push(`${m.tokensPerSecond} tokens/s`)
    if (m.promptTokens !== undefined) parts.push(`${m.promptTokens} prompt tokens`)
    if (m.completionTokens !== undefined) parts.push(`${m.completionTokens} completion tokens`)
    lines.push(`_${parts.join(' · ')}_`, '')
  }
  return lines
}

function toMarkdown(conversation: Conversation): string {
  const data = exportable(conversation)
  const lines = [`# ${data.title}`, '']
  lines.push(`- Provider: ${data.settings.provider}`, `- Model: ${data.settings.model}`)
  if (data.settings.jsonMode) lines.push('- JSON mode: on')
  if (data.settings.temperature !== undefined)
    lines.push(`- Temperature: ${data.settings.temperature}`)
  if (data.settings.maxTokens !== undefined) lines.push(`- Max tokens: ${data.settings.maxTokens}`)
  lines.push(`- Exported: ${data.updatedAt}`, '')
  if (data.settings.system.trim() !== '') {
    const fence = fenceFor(data.settings.system)
    lines.push('## System prompt', '', fence, data.settings.system, fence, '')
  }
  for (const turn of data.turns) {
    if (turn.role === 'user') {
      lines.push('## You', '', turn.content, '')
      continue
    }
    lines.push(`## ${answerer(turn)}`, '', ...answerLines(turn))
    const { versions, shownVersion } = turn
    if (!versions) continue
    lines.push(`_Version ${shownVersion} of ${versions.length} shown above._`, '')
    lines.push('### Other versions of this answer', '')
    versions.forEach((version, index) => {
      if (index + 1 === shownVersion) return
      const heading = `#### Version ${index + 1} of ${versions.length} · ${answerer(version)}`
      lines.push(heading, '', ...answerLines(version))
    })
  }
  return lines.join('\n')
}

export function exportConversation(
  conversation: Conversation,
  format: ExportFormat,
): ConversationExport {
  const name = slug(conversation.title)
  if (format === 'json') {
    return {
      filename: `${name}.json`,
      mimeType: 'application/json',
      content: JSON.stringify(exportable(conversation), null, 2) + '\n',
    }
  }
  return { filename: `${name}.md`, mimeType: 'text/markdown', content: toMarkdown(conversation) }
}
