// The JSON editor's token colours meet WCAG AA (4.5:1) on its backgrounds, light and dark.
import { describe, expect, it } from 'vitest'
import {
  EDITOR_BACKGROUNDS,
  JSON_TOKEN_COLORS,
} from '../../../src/renderer/features/config/json-highlight'

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('JSON editor colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [token, colors] of Object.entries(JSON_TOKEN_COLORS)) {
      it(`${token} in ${scheme} mode is at least 4.5:1`, () => {
        for (const background of EDITOR_BACKGROUNDS[scheme]) {
          expect(contrast(colors[scheme], background)).toBeGreaterThanOrEqual(4.5)
        }
      })
    }
  }
})
