// A text input that commits on Enter or blur (one edit per commit, not one per key); Esc restores.
import { useState } from 'react'

export interface CommitOnBlurInputProps {
  label: string
  value: string
  placeholder?: string
  onCommit: (value: string) => void
}

export function CommitOnBlurInput({ label, value, placeholder, onCommit }: CommitOnBlurInputProps) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  // The json changed underneath (JSON view, disk): show the new value.
  if (value !== seen) {
    setSeen(value)
    setText(value)
  }
  const commit = () => {
    if (text !== value) onCommit(text)
  }
  return (
    <input
      className="input mono"
      aria-label={label}
      value={text}
      placeholder={placeholder}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        if (event.key === 'Escape') setText(value)
      }}
    />
  )
}
