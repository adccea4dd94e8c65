// A conversation as Markdown or JSON for sharing: an allow-list of fields, so nothing key-like leaves.
import type { Conversation, ConversationExport, ExportFormat } from '../../../shared/chat'
import { redactSecrets } from '../../../shared/redaction'

function slug(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return base || 'conversation'
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
        : {
            role: turn.role,
            content: turn.content,
            createdAt: turn.createdAt,
            status: turn.status,
            ...(turn.used
              ? {
                  used: {
                    provider: turn.used.provider,
                    model: turn.used.model,
                    baseUrl: turn.used.baseUrl === null ? null : redactSecrets(turn.used.baseUrl),
                  },
                }
              : {}),
            ...(turn.metrics ? { metrics: { ...turn.metrics } } : {}),
            ...(turn.error
              ? { error: { code: turn.error.code, message: redactSecrets(turn.error.message) } }
              : {}),
          },
    ),
  }
}

/** A fence longer than any backtick run in the text, so an answer's own code blocks stay intact. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(longest + 1)
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
    const who = turn.used ? `${turn.used.provider} · ${turn.used.model}` : 'Assistant'
    lines.push(`## ${who}`, '', turn.content || '_(no text)_', '')
    if (turn.error) lines.push(`> ${turn.error.code}: ${turn.error.message}`, '')
    else if (turn.status === 'stopped') lines.push('> Stopped before the end.', '')
    else if (turn.status === 'interrupted') lines.push('> Interrupted before the end.', '')
    if (turn.metrics) {
      const m = turn.metrics
      const parts = [`first token ${m.firstTokenMs} ms`, `total ${m.totalMs} ms`]
      if (m.tokensPerSecond !== undefined) parts.push(`${m.tokensPerSecond} tokens/s`)
      if (m.promptTokens !== undefined) parts.push(`${m.promptTokens} prompt tokens`)
      if (m.completionTokens !== undefined) parts.push(`${m.completionTokens} completion tokens`)
      lines.push(`_${parts.join(' · ')}_`, '')
    }
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
