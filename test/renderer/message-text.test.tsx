// @vitest-environment jsdom
// Messages never show raw backticks: pairs become inline code (or vanish in tooltips); a failed
// answer is not labelled "Answered by".
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageText, plainMessage } from '../../src/renderer/components/MessageText'
import { ChatErrorNotice } from '../../src/renderer/features/playground/ChatErrorNotice'
import { MetricsLine } from '../../src/renderer/features/playground/MetricsLine'

afterEach(cleanup)

const MESSAGE = 'Ollama is not reachable at http://h:11434 — is `ollama serve` running?'
const used = {
  provider: 'ollama' as const,
  model: 'phi3:mini',
  baseUrl: null,
  handler: 'H',
  fallbackReason: null,
}

describe('message text', () => {
  it('renders backtick pairs as code, and keeps a lone backtick', () => {
    const { container } = render(<MessageText text={MESSAGE} />)
    expect(container.textContent).not.toContain('`')
    expect(container.querySelector('code')?.textContent).toBe('ollama serve')
    expect(plainMessage(MESSAGE)).toBe(
      'Ollama is not reachable at http://h:11434 — is ollama serve running?',
    )
    expect(plainMessage('a ` b')).toBe('a ` b')
  })

  it('shows a chat error without raw backticks', () => {
    render(<ChatErrorNotice error={{ code: 'unreachable', message: MESSAGE }} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).not.toContain('`')
    expect(alert.querySelector('code')?.textContent).toBe('ollama serve')
  })

  it('labels the model of a failed answer "Sent to", not "Answered by"', () => {
    render(<MetricsLine used={used} failed />)
    expect(screen.getByText('Sent to')).toBeTruthy()
    expect(screen.queryByText('Answered by')).toBeNull()
  })
})
