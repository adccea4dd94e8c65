// The revision of a config file as read: a save names the one it was based on, so a stale one is refused.
import { createHash } from 'node:crypto'

/** No file on disk yet (a first save creates it). */
export const MISSING_REVISION = 'missing'

/** A short content hash of the raw text on disk (keys included, so a changed key is a new revision). */
export function revisionOf(text: string | undefined): string {
  if (text === undefined) return MISSING_REVISION
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 20)
}
