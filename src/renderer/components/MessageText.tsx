// Main's messages mark commands and names with backticks (`ollama serve`): shown as inline code,
// never as raw backticks; plainMessage drops them where only text fits (tooltips).
import type { ReactNode } from 'react'

export function MessageText({ text }: { text: string }): ReactNode {
  // An unmatched backtick stays as it is: only pairs mark code.
  const parts = text.split('`')
  if (parts.length % 2 === 0) return text
  return parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))
}

export function plainMessage(text: string): string {
  return (text.match(/`/g) ?? []).length % 2 === 0 ? text.replaceAll('`', '') : text
}
