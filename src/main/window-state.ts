// Remembers the window's size and position between runs, and keeps it on a screen that still exists.
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { WindowBounds } from './window-options'

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Synchronous on purpose: it runs in the window's close handler, just before the app may quit. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(state) + '\n', 'utf8')
}

/** Drops the position when the saved window would not overlap any current display's work area. */
export function fitToDisplays(bounds: WindowBounds, workAreas: readonly Rect[]): WindowBounds {
  const { x, y, width, height } = bounds
  if (x === undefined || y === undefined) return { width, height }
  const visible = workAreas.some(
    (area) =>
      x + width > area.x + 40 &&
      x < area.x + area.width - 40 &&
      y >= area.y - 10 &&
      y < area.y + area.height - 40,
  )
  return visible ? { x, y, width, height } : { width, height }
}
