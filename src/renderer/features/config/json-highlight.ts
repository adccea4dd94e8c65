// JSON token colours for the editor, light and dark, each at least 4.5:1 on the editor's background
// (WCAG AA); CodeMirror's default style is made for light backgrounds only.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags } from '@lezer/highlight'

/** The editor's backgrounds (app.css --bg) and the active line on top of them. */
export const EDITOR_BACKGROUNDS = {
  light: ['#f7f7f9', '#ececef'],
  dark: ['#17181c', '#25262a'],
} as const

export const JSON_TOKEN_COLORS = {
  propertyName: { light: '#1d4ed8', dark: '#9cc3ff' },
  string: { light: '#a31515', dark: '#ffa98f' },
  number: { light: '#0b6e4f', dark: '#7fe0b3' },
  literal: { light: '#7c3aed', dark: '#cdb4ff' },
} as const

const color = (pair: { light: string; dark: string }) => `light-dark(${pair.light}, ${pair.dark})`

export const jsonHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.propertyName, color: color(JSON_TOKEN_COLORS.propertyName) },
    { tag: tags.string, color: color(JSON_TOKEN_COLORS.string) },
    { tag: tags.number, color: color(JSON_TOKEN_COLORS.number) },
    { tag: [tags.bool, tags.null], color: color(JSON_TOKEN_COLORS.literal) },
  ]),
)
