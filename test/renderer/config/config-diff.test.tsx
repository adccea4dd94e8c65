// @vitest-environment jsdom
// Config "Show diff": both sides labelled, formatting-only changes said as such, values compared parsed.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  compareConfigTexts,
  sameJsonValue,
} from '../../../src/renderer/features/config/config-diff'
import { ConflictBanner } from '../../../src/renderer/features/config/ConflictBanner'
import { diffLines, ignoringWhitespace } from '../../../src/shared/line-diff'

afterEach(cleanup)

const noop = () => undefined
const THEIRS = '{\n  "default_provider_preference_order": ["groq", "ollama"],\n  "a": 1\n}\n'
// The same values: other indentation, other key order, one line.
const REFORMATTED = '{ "a": 1,\n    "default_provider_preference_order": [ "groq","ollama" ] }'

function showDiff(theirs: string, mine: string) {
  render(<ConflictBanner theirs={theirs} mine={mine} onKeepMine={noop} onTakeTheirs={noop} />)
  fireEvent.click(screen.getByRole('button', { name: 'Show diff' }))
}

describe('compareConfigTexts', () => {
  it('calls whitespace, indentation and key order formatting only', () => {
    expect(compareConfigTexts(THEIRS, REFORMATTED)).toEqual({ kind: 'formatting-only' })
  })

  it('keeps array order and value types as real differences', () => {
    expect(sameJsonValue(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameJsonValue({ a: 1 }, { a: '1' })).toBe(false)
    expect(sameJsonValue({ a: 1 }, { a: 1, b: null })).toBe(false)
  })

  it('diffs the values re-indented, so a re-indented file shows only the changed value', () => {
    const mine = '{\n    "default_provider_preference_order": ["groq", "ollama"],\n    "a": 2\n}'
    const diff = compareConfigTexts(THEIRS, mine)
    expect(diff.kind).toBe('values')
    if (diff.kind !== 'values') return
    expect(diff.normalized).toBe(true)
    expect(diff.lines.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: '  "a": 1' },
      { kind: 'added', text: '  "a": 2' },
    ])
  })

  it('falls back to lines with whitespace ignored when a side is not valid JSON', () => {
    const mine = '{\n"default_provider_preference_order": ["groq", "ollama"],\n  "a": 1,\n}\n'
    const diff = compareConfigTexts(THEIRS, mine)
    expect(diff).toMatchObject({ kind: 'values', normalized: false })
    if (diff.kind !== 'values') return
    expect(diff.lines.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: '  "a": 1' },
      { kind: 'added', text: '  "a": 1,' },
    ])
  })
})

describe('diffLines with a line key', () => {
  it('matches lines by key and shows the new side’s text for equal lines', () => {
    expect(diffLines('  a\nb', 'a\n b ', { lineKey: ignoringWhitespace })).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: ' b ' },
    ])
  })
})

describe('ConflictBanner → Show diff', () => {
  it('labels the two sides', () => {
    showDiff(THEIRS, THEIRS.replace('"a": 1', '"a": 2'))
    expect(screen.getByText('− On disk (theirs)')).toBeTruthy()
    expect(screen.getByText('+ Your edits (mine)')).toBeTruthy()
    const lines = screen.getByLabelText(/^Differences: On disk \(theirs\)/)
    expect(lines.querySelector('.diff-removed')?.textContent).toBe('−   "a": 1')
    expect(lines.querySelector('.diff-removed')?.getAttribute('title')).toBe('On disk (theirs)')
    expect(lines.querySelector('.diff-added')?.textContent).toBe('+   "a": 2')
    expect(lines.querySelector('.diff-added')?.getAttribute('title')).toBe('Your edits (mine)')
  })

  it('says when only formatting differs, keeps the choice, and shows the text changes on demand', () => {
    showDiff(THEIRS, REFORMATTED)
    expect(screen.getByRole('status').textContent).toMatch(/^Only formatting differs/)
    expect(screen.queryByLabelText(/^Differences/)).toBeNull()
    expect(screen.getByRole('button', { name: 'Keep mine' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Take theirs' })).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: /Show every text change/ }))
    const lines = screen.getByLabelText(/^Differences/)
    expect(lines.querySelectorAll('.diff-added').length).toBeGreaterThan(0)
    expect(lines.textContent).toContain('"default_provider_preference_order": [ "groq","ollama" ]')
  })
})
