// The JSON view: CodeMirror 6 with JSON highlighting and the validation result as lint at line:col.
import { json } from '@codemirror/lang-json'
import type { Diagnostic } from '@codemirror/lint'
import { lintGutter, setDiagnostics } from '@codemirror/lint'
import { EditorState, Prec } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { useEffect, useRef } from 'react'
import type { ConfigIssue } from '../../../shared/config-issue'
import { jsonHighlighting } from './json-highlight'

export interface JsonEditorProps {
  value: string
  onChange: (text: string) => void
  /** The problem in `value`, if any (already checked to belong to this text). */
  issue: ConfigIssue | null
  label: string
}

function diagnosticFor(state: EditorState, issue: ConfigIssue): Diagnostic {
  const lineNumber = Math.min(Math.max(issue.line, 1), state.doc.lines)
  const line = state.doc.line(lineNumber)
  const from = Math.min(line.from + Math.max(issue.column - 1, 0), line.to)
  const to = Math.min(from + 1, line.to)
  return {
    from,
    to: Math.max(to, from),
    severity: 'error',
    message: `${issue.line}:${issue.column} ${issue.message}`,
  }
}

export function JsonEditor({ value, onChange, issue, label }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latestOnChange = useRef(onChange)
  latestOnChange.current = onChange

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          // Ahead of basicSetup's light-only default style, which then no longer applies.
          Prec.high(jsonHighlighting),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latestOnChange.current(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // The editor is created once; later values arrive through the effect below.
  }, [])

  useEffect(() => {
    const editor = view.current
    if (!editor) return
    const current = editor.state.doc.toString()
    // Form edits and "take theirs" replace the text; typing in the editor already matches.
    if (current !== value) {
      editor.dispatch({ changes: { from: 0, to: current.length, insert: value } })
    }
  }, [value])

  useEffect(() => {
    const editor = view.current
    if (!editor) return
    const diagnostics = issue ? [diagnosticFor(editor.state, issue)] : []
    editor.dispatch(setDiagnostics(editor.state, diagnostics))
  }, [issue, value])

  return <div className="json-editor" ref={host} />
}
